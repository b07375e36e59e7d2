var builder = WebApplication.CreateBuilder(args);

var seqServerUrl = builder.Configuration["Serilog:SeqServerUrl"];
var logstashUrl = builder.Configuration["Serilog:LogstashUrl"];

Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Verbose()
    .Enrich.WithProperty("ApplicationContext", Program.AppName)
    .Enrich.FromLogContext()
    .WriteTo.Console()
    .WriteTo.Seq(seqServerUrl)
    .WriteTo.Sink(new LogstashSink(string.IsNullOrWhiteSpace(logstashUrl) ? "http://logstash:8080" : logstashUrl), new Serilog.Configuration.BatchingOptions())
    .ReadFrom.Configuration(builder.Configuration)
    .CreateLogger();

try
{
    Log.Information("Configuring web host ({ApplicationContext})...", Program.AppName);

    builder.Host.UseSerilog();

    var eventBusConnection = builder.Configuration["EventBusConnection"];

    builder.Services.Configure<PaymentSettings>(builder.Configuration);
    builder.Services.Configure<EventBusSettings>(settings =>
    {
        settings.SubscriptionClientName = builder.Configuration["SubscriptionClientName"];
        settings.RetryCount = builder.Configuration.GetValue("EventBusRetryCount", 5);
    });

    if (string.IsNullOrEmpty(eventBusConnection))
    {
        Log.Warning("EventBusConnection is not set; using the broker on localhost");
        eventBusConnection = "localhost";
    }

    builder.Services.AddHealthChecks()
        .AddCheck("self", () => HealthCheckResult.Healthy())
        .AddCheck("payment-rabbitmqbus-check", new BrokerConnectionHealthCheck(eventBusConnection, 5672), tags: new[] { "rabbitmqbus" });

    builder.Services.AddSingleton<IEventBus, InProcessEventBus>();
    builder.Services.AddTransient<OrderStatusChangedToStockConfirmedIntegrationEventHandler>();

    var app = builder.Build();

    if (!builder.Configuration.GetValue<bool>("PaymentSucceeded", true))
    {
        app.Logger.LogWarning("PaymentSucceeded is false: every payment of this instance fails");
    }

    app.MapHealthChecks("/hc", new HealthCheckOptions
    {
        Predicate = _ => true,
        ResponseWriter = UIResponseWriter.WriteHealthCheckUIResponse
    });
    app.MapHealthChecks("/liveness", new HealthCheckOptions
    {
        Predicate = r => r.Name.Contains("self")
    });

    var eventBus = app.Services.GetRequiredService<IEventBus>();
    eventBus.Subscribe<OrderStatusChangedToStockConfirmedIntegrationEvent, OrderStatusChangedToStockConfirmedIntegrationEventHandler>();

    Log.Information("Starting web host ({ApplicationContext})...", Program.AppName);
    app.Run();

    return 0;
}
catch (Exception ex)
{
    Log.Fatal(ex, "Program terminated unexpectedly ({ApplicationContext})!", Program.AppName);
    return 1;
}
finally
{
    Log.CloseAndFlush();
}

public partial class Program
{
    public static readonly string Namespace = typeof(Program).Assembly.GetName().Name;
    public static readonly string AppName = Namespace.Substring(Namespace.LastIndexOf('.', Namespace.LastIndexOf('.') - 1) + 1);
}
