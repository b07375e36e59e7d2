namespace Advertisements.Broken;

// The mistake: the code reads PAYMENTS_API_KEY, which no Deployment of the service sets (MT3001), so in the cluster
// the read fails at the first payment.
static class PaymentClient
{
    public static string ApiKey() =>
        Environment.GetEnvironmentVariable("PAYMENTS_API_KEY") ?? throw new InvalidOperationException("PAYMENTS_API_KEY is not set");
}
