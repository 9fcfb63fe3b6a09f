namespace ScamWatch.Hosting;

/// <summary>A mistake in how the command was called (exit code 2), as opposed to work that failed (exit code 1).</summary>
public sealed class UsageException(string message) : Exception(message);
