using System.Numerics;

namespace ScamWatch.Posts;

/// <summary>
/// 64-bit SimHash over character 3-grams of normalised text (spaces removed, so re-spacing does not hide a repost).
/// Near-identical texts differ in few bits; eight 8-bit bands let storage find candidates by equality
/// (two hashes within 7 bits share at least one band exactly).
/// </summary>
public static class SimHash
{
    /// <summary>Texts shorter than this are too short to call reposts.</summary>
    public const int MinChars = 40;

    /// <summary>Maximum differing bits for "nearly the same text" (short posts move several bits per small edit).</summary>
    public const int MaxDistance = 7;

    public const int Bands = 8;

    public static ulong? Compute(string normalized)
    {
        Span<char> compact = normalized.Length <= 4096 ? stackalloc char[normalized.Length] : new char[normalized.Length];
        var n = 0;
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c))
            {
                compact[n++] = c;
            }
        }

        if (n < MinChars)
        {
            return null;
        }

        Span<int> bits = stackalloc int[64];
        for (var i = 0; i + 3 <= n; i++)
        {
            var h = Fnv1a(compact.Slice(i, 3));
            for (var b = 0; b < 64; b++)
            {
                bits[b] += ((h >> b) & 1) == 1 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var b = 0; b < 64; b++)
        {
            if (bits[b] > 0)
            {
                result |= 1UL << b;
            }
        }

        return result;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>Band k (0..7) as a non-negative int for storage.</summary>
    public static int Band(ulong hash, int k) => (int)((hash >> (8 * k)) & 0xFF);

    public static ulong FromBands(IReadOnlyList<long> bands)
    {
        ulong hash = 0;
        for (var k = 0; k < Bands; k++)
        {
            hash |= (ulong)bands[k] << (8 * k);
        }

        return hash;
    }

    private static ulong Fnv1a(ReadOnlySpan<char> s)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in s)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        // FNV's low bits mix poorly for short inputs; finish with a 64-bit avalanche.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
