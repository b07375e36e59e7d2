using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;

namespace cartservice.cartstore
{
    // Carts in process memory, one row per user and product as the database tables hold them. The Spanner and
    // AlloyDB stores keep their data here: this build does not link the database clients, and the demo resets
    // carts on every restart anyway.
    public abstract class InMemoryCartStore : ICartStore
    {
        private readonly ConcurrentDictionary<(string UserId, string ProductId), int> _rows = new ConcurrentDictionary<(string, string), int>();

        protected InMemoryCartStore(string dataSource)
        {
            DataSource = dataSource;
            Console.WriteLine($"{GetType().Name}: carts for {dataSource} are kept in memory");
        }

        public string DataSource { get; }

        public Task AddItemAsync(string userId, string productId, int quantity)
        {
            Console.WriteLine($"AddItemAsync for {userId} called");
            _rows.AddOrUpdate((userId, productId), quantity, (_, current) => current + quantity);
            return Task.CompletedTask;
        }

        public Task EmptyCartAsync(string userId)
        {
            Console.WriteLine($"EmptyCartAsync for {userId} called");
            foreach (var key in _rows.Keys.Where(k => k.UserId == userId))
            {
                _rows.TryRemove(key, out _);
            }

            return Task.CompletedTask;
        }

        public Task<Hipstershop.Cart> GetCartAsync(string userId)
        {
            Console.WriteLine($"GetCartAsync called for userId={userId}");
            var cart = new Hipstershop.Cart { UserId = userId };
            foreach (var row in _rows.Where(r => r.Key.UserId == userId).OrderBy(r => r.Key.ProductId, StringComparer.Ordinal))
            {
                cart.Items.Add(new Hipstershop.CartItem { ProductId = row.Key.ProductId, Quantity = row.Value });
            }

            return Task.FromResult(cart);
        }

        public bool Ping() => true;
    }

    public class SpannerCartStore : InMemoryCartStore
    {
        public SpannerCartStore(string dataSource)
            : base(dataSource)
        {
        }
    }

    public class AlloyDBCartStore : InMemoryCartStore
    {
        public AlloyDBCartStore(string primaryIPAddress)
            : base("host=" + primaryIPAddress + ";database=carts")
        {
        }
    }
}
