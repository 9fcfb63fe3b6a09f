using System.Text.Json;

namespace ScamWatch.Takedown.Delivery;

/// <summary>The JSON body of one webhook call: the request record every format carries, and when the platform should act by.</summary>
public static class WebhookPayload
{
    public const string Type = "scamwatch.takedown.requested";

    public static byte[] Serialize(TakedownRequest request, TimeSpan deadline) => JsonSerializer.SerializeToUtf8Bytes(
        new { type = Type, deadline_hours = deadline.TotalHours, request = TakedownFormats.Record(request) }, TakedownFormats.Json);
}
