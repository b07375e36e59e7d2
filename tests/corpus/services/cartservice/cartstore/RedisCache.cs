using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace cartservice.cartstore
{
    // A small Redis client behind IDistributedCache: GET, SET, DEL and PING over one connection, enough for the cart
    // store (one key per user). The connection is opened on first use and again after an error.
    public sealed class RedisCache : IDistributedCache, IDisposable
    {
        private readonly string _host;
        private readonly int _port;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private TcpClient _client;
        private Stream _stream;

        public RedisCache(string address)
        {
            int colon = address.LastIndexOf(':');
            _host = colon > 0 ? address.Substring(0, colon) : address;
            _port = colon > 0 ? int.Parse(address.Substring(colon + 1), CultureInfo.InvariantCulture) : 6379;
        }

        public byte[] Get(string key) => GetAsync(key).GetAwaiter().GetResult();

        public async Task<byte[]> GetAsync(string key, CancellationToken token = default) =>
            (byte[])await SendAsync(token, "GET", key);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

        public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            TimeSpan? ttl = options.AbsoluteExpiration is { } at ? at - DateTimeOffset.UtcNow : options.AbsoluteExpirationRelativeToNow;
            if (ttl is { } expiry)
            {
                await SendAsync(token, Encoding.UTF8.GetBytes("SET"), Encoding.UTF8.GetBytes(key), value, Encoding.UTF8.GetBytes("PX"),
                    Encoding.UTF8.GetBytes(((long)Math.Max(1, expiry.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture)));
            }
            else
            {
                await SendAsync(token, Encoding.UTF8.GetBytes("SET"), Encoding.UTF8.GetBytes(key), value);
            }
        }

        // Sliding expiration is not used by the cart store; carts live until they are emptied.
        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

        public Task RemoveAsync(string key, CancellationToken token = default) => SendAsync(token, "DEL", key);

        public bool Ping() => SendAsync(CancellationToken.None, "PING").GetAwaiter().GetResult() is byte[] reply && Encoding.UTF8.GetString(reply) == "PONG";

        public void Dispose()
        {
            _client?.Dispose();
            _gate.Dispose();
        }

        private Task<object> SendAsync(CancellationToken token, params string[] arguments) =>
            SendAsync(token, Array.ConvertAll(arguments, a => Encoding.UTF8.GetBytes(a)));

        private async Task<object> SendAsync(CancellationToken token, params byte[][] arguments)
        {
            await _gate.WaitAsync(token);
            try
            {
                if (_client == null || !_client.Connected)
                {
                    _client?.Dispose();
                    _client = new TcpClient();
                    await _client.ConnectAsync(_host, _port, token);
                    _stream = new BufferedStream(_client.GetStream());
                }

                var command = new MemoryStream();
                WriteLine(command, "*" + arguments.Length.ToString(CultureInfo.InvariantCulture));
                foreach (var argument in arguments)
                {
                    WriteLine(command, "$" + argument.Length.ToString(CultureInfo.InvariantCulture));
                    command.Write(argument);
                    WriteLine(command, "");
                }

                await _stream.WriteAsync(command.ToArray(), token);
                await _stream.FlushAsync(token);
                return ReadReply(_stream);
            }
            catch
            {
                _client?.Dispose();
                _client = null;
                throw;
            }
            finally
            {
                _gate.Release();
            }
        }

        private static void WriteLine(Stream stream, string text)
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Write("\r\n"u8);
        }

        private static object ReadReply(Stream stream)
        {
            int type = stream.ReadByte();
            string line = ReadLine(stream);
            switch (type)
            {
                case '+':
                    return Encoding.UTF8.GetBytes(line);
                case '-':
                    throw new IOException("Redis: " + line);
                case ':':
                    return long.Parse(line, CultureInfo.InvariantCulture);
                case '$':
                    int length = int.Parse(line, CultureInfo.InvariantCulture);
                    if (length < 0)
                    {
                        return null;
                    }

                    var value = new byte[length];
                    stream.ReadExactly(value);
                    ReadLine(stream);
                    return value;
                case '*':
                    int count = int.Parse(line, CultureInfo.InvariantCulture);
                    var items = new object[Math.Max(count, 0)];
                    for (int i = 0; i < items.Length; i++)
                    {
                        items[i] = ReadReply(stream);
                    }

                    return items;
                default:
                    throw new IOException("Redis: unexpected reply");
            }
        }

        private static string ReadLine(Stream stream)
        {
            var line = new StringBuilder();
            int b;
            while ((b = stream.ReadByte()) != '\r')
            {
                if (b < 0)
                {
                    throw new EndOfStreamException("Redis closed the connection");
                }

                line.Append((char)b);
            }

            stream.ReadByte(); // \n
            return line.ToString();
        }
    }
}
