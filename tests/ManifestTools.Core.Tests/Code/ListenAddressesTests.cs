using System.Linq;
using ManifestTools.Code;

namespace ManifestTools.Tests.Code
{
    public class ListenAddressesTests
    {
        [Theory]
        [InlineData("http://*:5002", new[] { 5002 })]
        [InlineData("http://+:80;https://0.0.0.0:8443", new[] { 80, 8443 })]
        [InlineData("http://[::]:5000/", new[] { 5000 })]
        [InlineData("http://[::1]", new[] { 80 })]
        [InlineData("https://localhost", new[] { 443 })]
        [InlineData("5002;not a url;http://x:99999", new int[0])]
        public void Reads_the_ports_of_a_url_list(string urls, int[] ports) =>
            Assert.Equal(ports, ListenAddresses.UrlPorts(urls).ToArray());

        [Theory]
        [InlineData("8080", new[] { 8080 })]
        [InlineData("8080;8081, 9000", new[] { 8080, 8081, 9000 })]
        [InlineData("x;-1;0;70000", new int[0])]
        public void Reads_a_port_list(string ports, int[] expected) =>
            Assert.Equal(expected, ListenAddresses.PortList(ports).ToArray());
    }
}
