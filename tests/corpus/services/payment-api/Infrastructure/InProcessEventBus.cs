using System.Collections.Concurrent;

namespace Microsoft.eShopOnContainers.Payment.API.Infrastructure;

// Delivers events to the handlers subscribed in this process, each in its own DI scope, retrying a failed handler
// EventBusSettings.RetryCount times. The broker transport (EventBusRabbitMQ) is a shared library of the platform
// and plugs in behind IEventBus.
public sealed class InProcessEventBus : IEventBus
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptionsMonitor<EventBusSettings> _settings;
    private readonly ILogger<InProcessEventBus> _logger;
    private readonly ConcurrentDictionary<Type, List<Type>> _handlers = new();

    public InProcessEventBus(IServiceScopeFactory scopes, IOptionsMonitor<EventBusSettings> settings, ILogger<InProcessEventBus> logger)
    {
        _scopes = scopes;
        _settings = settings;
        _logger = logger;
    }

    public void Publish(IntegrationEvent @event)
    {
        var eventType = @event.GetType();
        _logger.LogInformation("Publishing event {EventId} ({EventName}) from {Subscriber}", @event.Id, eventType.Name, _settings.CurrentValue.SubscriptionClientName);
        if (!_handlers.TryGetValue(eventType, out var handlerTypes))
        {
            return;
        }

        foreach (var handlerType in handlerTypes.ToArray())
        {
            _ = Task.Run(() => DispatchAsync(handlerType, eventType, @event));
        }
    }

    public void Subscribe<T, TH>()
        where T : IntegrationEvent
        where TH : IIntegrationEventHandler<T>
    {
        var handlerTypes = _handlers.GetOrAdd(typeof(T), _ => new List<Type>());
        lock (handlerTypes)
        {
            if (!handlerTypes.Contains(typeof(TH)))
            {
                handlerTypes.Add(typeof(TH));
            }
        }

        _logger.LogInformation("Subscribing to event {EventName} with {EventHandler}", typeof(T).Name, typeof(TH).Name);
    }

    private async Task DispatchAsync(Type handlerType, Type eventType, IntegrationEvent @event)
    {
        int attempts = Math.Max(1, _settings.CurrentValue.RetryCount);
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                using var scope = _scopes.CreateScope();
                var handler = scope.ServiceProvider.GetRequiredService(handlerType);
                var handle = typeof(IIntegrationEventHandler<>).MakeGenericType(eventType).GetMethod("Handle")!;
                await (Task)handle.Invoke(handler, new object[] { @event })!;
                return;
            }
            catch (Exception ex) when (attempt < attempts)
            {
                _logger.LogWarning(ex, "Handling event {EventId} failed (attempt {Attempt} of {Attempts})", @event.Id, attempt, attempts);
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)));
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Handling event {EventId} failed; giving up", @event.Id);
            }
        }
    }
}
