using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ScamWatch.Tests.Support;

/// <summary>
/// A platform operator's webhook on a loopback port, written the way a careful receiver would be: it checks the
/// HMAC-SHA256 signature (its own code, not ScamWatch's) and the timestamp's freshness, applies each Idempotency-Key
/// once and answers repeats with 200, and records everything. It can be told to fail with a status, to drop every
/// connection (down), or to hold the n-th new request until released (to kill the sender meanwhile).
/// </summary>
public sealed class FakeOperatorWebhook : IAsyncDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    private readonly byte[] _secret;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<WebhookReceipt> _received = new();
    private readonly ConcurrentDictionary<string, string> _appliedKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _appliedPerRequest = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private volatile int _failStatus;
    private volatile bool _down;
    private int _blockOnNth;
    private int _newKeys;

    private FakeOperatorWebhook(string secret, TimeProvider clock)
    {
        _secret = Encoding.UTF8.GetBytes(secret);
        _clock = clock;
    }

    /// <summary>The endpoint to configure as WebhookUrl.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every call that reached the handler, in arrival order.</summary>
    public IReadOnlyList<WebhookReceipt> Received => [.. _received];

    /// <summary>How many times each request id (X-ScamWatch-Request-Id) had an effect: 1 each when keys are stable.</summary>
    public IReadOnlyDictionary<string, int> AppliedPerRequest => _appliedPerRequest;

    public static async Task<FakeOperatorWebhook> StartAsync(string secret, TimeProvider? clock = null)
    {
        var hook = new FakeOperatorWebhook(secret, clock ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        hook._app = builder.Build();
        hook._app.MapPost("/takedowns", hook.HandleAsync);
        await hook._app.StartAsync();
        hook.Url = new Uri(DemoBoardServer.ServerUrl(hook._app) + "/takedowns");
        return hook;
    }

    /// <summary>Answer every call with this status (0: behave).</summary>
    public void FailWith(int status) => _failStatus = status;

    /// <summary>Drop every connection without an answer, as an endpoint that is down.</summary>
    public void Down() => _down = true;

    public void Up()
    {
        _down = false;
        _failStatus = 0;
    }

    /// <summary>Holds the n-th request with a new key (after applying it) until <see cref="Release"/>; the task completes when it is held.</summary>
    public Task BlockOnNth(int n)
    {
        _blockOnNth = n;
        return _blocked.Task;
    }

    public void Release() => _release.TrySetResult();

    private async Task HandleAsync(HttpContext context)
    {
        if (_down)
        {
            context.Abort();
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = context.Request.Headers["X-ScamWatch-Timestamp"].ToString();
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var requestId = context.Request.Headers["X-ScamWatch-Request-Id"].ToString();
        var signatureValid = SignatureMatches(timestamp, context.Request.Headers["X-ScamWatch-Signature"].ToString(), body);
        var fresh = long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && Math.Abs(_clock.GetUtcNow().ToUnixTimeSeconds() - seconds) <= Freshness.TotalSeconds;

        int status;
        string answer;
        var held = false;
        if (!signatureValid || !fresh)
        {
            (status, answer) = (401, signatureValid ? "stale timestamp" : "bad signature");
        }
        else if (key.Length == 0 || requestId.Length == 0)
        {
            (status, answer) = (400, "Idempotency-Key and X-ScamWatch-Request-Id are required");
        }
        else if (_failStatus != 0)
        {
            (status, answer) = (_failStatus, "failing on purpose");
        }
        else
        {
            lock (_gate)
            {
                if (_appliedKeys.TryAdd(key, requestId))
                {
                    _appliedPerRequest.AddOrUpdate(requestId, 1, (_, n) => n + 1);
                    held = ++_newKeys == _blockOnNth;
                    (status, answer) = (200, "accepted");
                }
                else
                {
                    (status, answer) = (200, "duplicate");
                }
            }
        }

        _received.Enqueue(new WebhookReceipt(key, requestId, timestamp, signatureValid, fresh, status, answer, Encoding.UTF8.GetString(body)));
        if (held)
        {
            _blocked.TrySetResult();
            await _release.Task.WaitAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { status = answer });
    }

    private bool SignatureMatches(string timestamp, string signature, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, signed)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>One call as the fake operator saw it.</summary>
public sealed record WebhookReceipt(string IdempotencyKey, string RequestId, string Timestamp, bool SignatureValid, bool Fresh, int Status, string Answer, string Body);
