namespace Microsoft.eShopOnContainers.Payment.API.IntegrationEvents.Events;

public record OrderPaymentSucceededIntegrationEvent(int OrderId) : IntegrationEvent;
