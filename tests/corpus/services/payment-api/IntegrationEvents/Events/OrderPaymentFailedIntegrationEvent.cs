namespace Microsoft.eShopOnContainers.Payment.API.IntegrationEvents.Events;

public record OrderPaymentFailedIntegrationEvent(int OrderId) : IntegrationEvent;
