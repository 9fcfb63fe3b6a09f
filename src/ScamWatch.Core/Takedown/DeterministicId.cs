using System.Security.Cryptography;
using System.Text;

namespace ScamWatch.Takedown;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name in the same namespace always gives the same id, so a
/// report or STIX object exported twice keeps its id and a receiver can tell it is the same one.
/// </summary>
public static class DeterministicId
{
    /// <summary>The namespace STIX 2.1 (§2.9) prescribes for the ids of cyber-observable objects.</summary>
    public static readonly Guid StixObservables = new("00abedb4-aa42-52fd-8dd8-4d5a8cb5ac33");

    /// <summary>Our own namespace for report, indicator and relationship ids (a v5 id of our URN in the RFC URL namespace).</summary>
    public static readonly Guid ScamWatch = Create(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "urn:scamwatch:takedown");

    public static Guid Create(Guid ns, string name)
    {
        Span<byte> nsBytes = stackalloc byte[16];
        ns.TryWriteBytes(nsBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        nsBytes.CopyTo(input);
        nameBytes.CopyTo(input.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what version-5 UUIDs are defined with; this is naming, not security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>The stable name of a request: its idempotency key (unique across deployments), else its id.</summary>
    public static string RequestName(TakedownRequest r) => string.IsNullOrEmpty(r.IdempotencyKey) ? $"request:{r.Id}" : r.IdempotencyKey;
}
