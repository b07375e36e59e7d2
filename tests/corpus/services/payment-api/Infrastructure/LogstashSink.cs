using System.Net.Http;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Microsoft.eShopOnContainers.Payment.API.Infrastructure;

// Ships batches of log events to Logstash's http input as newline-delimited JSON. Serilog retries a failed batch.
public sealed class LogstashSink : IBatchedLogEventSink, IDisposable
{
    private static readonly CompactJsonFormatter Formatter = new();
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Uri _requestUri;

    public LogstashSink(string requestUri)
    {
        _requestUri = new Uri(requestUri);
    }

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        var payload = new StringWriter();
        foreach (var logEvent in batch)
        {
            Formatter.Format(logEvent, payload);
        }

        using var content = new StringContent(payload.ToString(), Encoding.UTF8, "application/x-ndjson");
        using var response = await _client.PostAsync(_requestUri, content);
        response.EnsureSuccessStatusCode();
    }

    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    public void Dispose() => _client.Dispose();
}
