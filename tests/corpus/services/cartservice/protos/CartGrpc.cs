// The service binding of protos/Cart.proto, as Grpc.Tools would generate it, written out by hand: the image builds
// without protoc. Keep the method names in step with the proto file.

using System.Threading.Tasks;
using Google.Protobuf;
using Grpc.Core;

namespace Hipstershop
{
    public static partial class CartService
    {
        private const string ServiceName = "hipstershop.CartService";

        private static Marshaller<T> Marshaller<T>(System.Action<T, CodedOutputStream> write, System.Func<CodedInputStream, T> read) =>
            Marshallers.Create(message => Wire.Serialize(output => write(message, output)), data => read(new CodedInputStream(data)));

        private static readonly Marshaller<AddItemRequest> AddItemRequestMarshaller = Marshaller<AddItemRequest>((m, o) => m.WriteTo(o), AddItemRequest.ReadFrom);
        private static readonly Marshaller<GetCartRequest> GetCartRequestMarshaller = Marshaller<GetCartRequest>((m, o) => m.WriteTo(o), GetCartRequest.ReadFrom);
        private static readonly Marshaller<EmptyCartRequest> EmptyCartRequestMarshaller = Marshaller<EmptyCartRequest>((m, o) => m.WriteTo(o), EmptyCartRequest.ReadFrom);
        private static readonly Marshaller<Cart> CartMarshaller = Marshaller<Cart>((m, o) => m.WriteTo(o), Cart.ReadFrom);
        private static readonly Marshaller<Empty> EmptyMarshaller = Marshaller<Empty>((_, _) => { }, Empty.ReadFrom);

        private static readonly Method<AddItemRequest, Empty> AddItemMethod =
            new Method<AddItemRequest, Empty>(MethodType.Unary, ServiceName, "AddItem", AddItemRequestMarshaller, EmptyMarshaller);

        private static readonly Method<GetCartRequest, Cart> GetCartMethod =
            new Method<GetCartRequest, Cart>(MethodType.Unary, ServiceName, "GetCart", GetCartRequestMarshaller, CartMarshaller);

        private static readonly Method<EmptyCartRequest, Empty> EmptyCartMethod =
            new Method<EmptyCartRequest, Empty>(MethodType.Unary, ServiceName, "EmptyCart", EmptyCartRequestMarshaller, EmptyMarshaller);

        /// <summary>Base class for server-side implementations of CartService.</summary>
        [BindServiceMethod(typeof(CartService), "BindService")]
        public abstract partial class CartServiceBase
        {
            public virtual Task<Empty> AddItem(AddItemRequest request, ServerCallContext context) =>
                throw new RpcException(new Status(StatusCode.Unimplemented, ""));

            public virtual Task<Cart> GetCart(GetCartRequest request, ServerCallContext context) =>
                throw new RpcException(new Status(StatusCode.Unimplemented, ""));

            public virtual Task<Empty> EmptyCart(EmptyCartRequest request, ServerCallContext context) =>
                throw new RpcException(new Status(StatusCode.Unimplemented, ""));
        }

        /// <summary>Registers the service's methods with the server; ASP.NET Core's gRPC finds it through BindServiceMethod.</summary>
        public static void BindService(ServiceBinderBase serviceBinder, CartServiceBase serviceImpl)
        {
            serviceBinder.AddMethod(AddItemMethod, serviceImpl == null ? null : new UnaryServerMethod<AddItemRequest, Empty>(serviceImpl.AddItem));
            serviceBinder.AddMethod(GetCartMethod, serviceImpl == null ? null : new UnaryServerMethod<GetCartRequest, Cart>(serviceImpl.GetCart));
            serviceBinder.AddMethod(EmptyCartMethod, serviceImpl == null ? null : new UnaryServerMethod<EmptyCartRequest, Empty>(serviceImpl.EmptyCart));
        }
    }
}
