namespace Microsoft.eShopOnContainers.Payment.API.Infrastructure;

public class EventBusSettings
{
    public string SubscriptionClientName { get; set; }

    public int RetryCount { get; set; } = 5;
}
