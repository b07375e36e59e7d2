var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://*:5001");
var app = builder.Build();

Discount[] discounts =
[
    new("SUMMER20", "20% off sunglasses", 20),
    new("BOOKS3", "Third paperback free", 33),
];

app.MapGet("/discounts", () => discounts);

app.Run();

record Discount(string Code, string Description, int Percent);
