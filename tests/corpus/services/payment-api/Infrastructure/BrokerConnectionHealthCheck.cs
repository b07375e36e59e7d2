using System.Net.Sockets;

namespace Microsoft.eShopOnContainers.Payment.API.Infrastructure;

// Healthy when the message broker accepts a TCP connection: a payment service that cannot reach the bus would only
// pile up unhandled orders, so /hc reports it and the pod leaves the Service's endpoints.
public sealed class BrokerConnectionHealthCheck : IHealthCheck
{
    private readonly string _host;
    private readonly int _port;

    public BrokerConnectionHealthCheck(string host, int port)
    {
        _host = host;
        _port = port;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var client = new TcpClient();
            await client.ConnectAsync(_host, _port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"cannot reach the event bus at {_host}:{_port}", ex);
        }
    }
}
