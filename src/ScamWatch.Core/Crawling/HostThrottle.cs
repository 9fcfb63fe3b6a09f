using System.Collections.Concurrent;

namespace ScamWatch.Crawling;

/// <summary>
/// Per-host politeness: at most N requests in flight and a minimum gap between request starts. Time comes from the
/// injected <see cref="TimeProvider"/>, so tests can step it.
/// </summary>
public sealed class HostThrottle(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(string host, int maxConcurrency, TimeSpan minDelay, CancellationToken ct)
    {
        var state = _hosts.GetOrAdd(host, _ => new HostState(Math.Max(1, maxConcurrency)));
        await state.Slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (state)
            {
                var now = clock.GetUtcNow();
                var start = state.NextStart > now ? state.NextStart : now;
                state.NextStart = start + minDelay;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, ct).ConfigureAwait(false);
            }

            return new Release(state.Slots);
        }
        catch
        {
            state.Slots.Release();
            throw;
        }
    }

    private sealed class HostState(int slots)
    {
        public SemaphoreSlim Slots { get; } = new(slots, slots);

        public DateTimeOffset NextStart { get; set; }
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
