using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>Thread-safe log of the requests a site received; an entry is added on arrival and gets its status when the response starts.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    public Entry Begin(HttpContext context, DateTimeOffset time)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var entry = new Entry(string.IsNullOrEmpty(target) ? context.Request.Path + context.Request.QueryString : target, context.Request.Method, time, headers);
        lock (_gate)
        {
            _entries.Add(entry);
        }

        return entry;
    }

    public void Complete(Entry entry, int status)
    {
        lock (_gate)
        {
            entry.Status = status;
        }
    }

    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries.Select(e => new LoggedRequest(e.PathAndQuery, e.Method, e.Time, e.Headers, e.Status))];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal sealed class Entry(string pathAndQuery, string method, DateTimeOffset time, IReadOnlyDictionary<string, string> headers)
    {
        public string PathAndQuery { get; } = pathAndQuery;

        public string Method { get; } = method;

        public DateTimeOffset Time { get; } = time;

        public IReadOnlyDictionary<string, string> Headers { get; } = headers;

        public int Status { get; set; }
    }
}
