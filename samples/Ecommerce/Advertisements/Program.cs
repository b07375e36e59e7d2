var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://*:5002");
builder.Services.AddHealthChecks();
var app = builder.Build();

// The generated Deployments' readiness probe (ManifestReadinessProbePath) requests this path.
app.MapHealthChecks("/healthz");

// DD_VERSION is set by the generated Deployment to the version's image tag; the header shows which
// version of the canary answered.
var version = Environment.GetEnvironmentVariable("DD_VERSION") ?? "dev";

Ad[] ads =
[
    new(1, "Free shipping on orders over $50"),
    new(2, "Summer sale: 20% off sunglasses"),
    new(3, "Buy two paperbacks, get a third free"),
];

app.MapGet("/ads", (HttpResponse response) =>
{
    response.Headers["x-version"] = version;
    return ads;
});

app.Run();

record Ad(int Id, string Text);
