// Messages of protos/Cart.proto (package hipstershop), written out by hand: the image builds without protoc.
// The wire format is protobuf's, so clients generated from Cart.proto talk to this service unchanged.

using System.Collections.Generic;
using System.IO;
using Google.Protobuf;

namespace Hipstershop
{
    public sealed class CartItem
    {
        public string ProductId { get; set; } = "";
        public int Quantity { get; set; }

        internal void WriteTo(CodedOutputStream output)
        {
            if (ProductId.Length != 0)
            {
                output.WriteTag(1, WireFormat.WireType.LengthDelimited);
                output.WriteString(ProductId);
            }

            if (Quantity != 0)
            {
                output.WriteTag(2, WireFormat.WireType.Varint);
                output.WriteInt32(Quantity);
            }
        }

        internal static CartItem ReadFrom(CodedInputStream input)
        {
            var item = new CartItem();
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (tag)
                {
                    case 10:
                        item.ProductId = input.ReadString();
                        break;
                    case 16:
                        item.Quantity = input.ReadInt32();
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }

            return item;
        }
    }

    public sealed class AddItemRequest
    {
        public string UserId { get; set; } = "";
        public CartItem Item { get; set; }

        internal void WriteTo(CodedOutputStream output)
        {
            Wire.WriteString(output, 1, UserId);
            if (Item != null)
            {
                Wire.WriteMessage(output, 2, Item.WriteTo);
            }
        }

        internal static AddItemRequest ReadFrom(CodedInputStream input)
        {
            var request = new AddItemRequest();
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (tag)
                {
                    case 10:
                        request.UserId = input.ReadString();
                        break;
                    case 18:
                        request.Item = CartItem.ReadFrom(new CodedInputStream(input.ReadBytes().ToByteArray()));
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }

            return request;
        }
    }

    public sealed class EmptyCartRequest
    {
        public string UserId { get; set; } = "";

        internal void WriteTo(CodedOutputStream output) => Wire.WriteString(output, 1, UserId);

        internal static EmptyCartRequest ReadFrom(CodedInputStream input) => new EmptyCartRequest { UserId = Wire.ReadUserId(input) };
    }

    public sealed class GetCartRequest
    {
        public string UserId { get; set; } = "";

        internal void WriteTo(CodedOutputStream output) => Wire.WriteString(output, 1, UserId);

        internal static GetCartRequest ReadFrom(CodedInputStream input) => new GetCartRequest { UserId = Wire.ReadUserId(input) };
    }

    public sealed class Cart
    {
        public string UserId { get; set; } = "";
        public List<CartItem> Items { get; } = new List<CartItem>();

        public byte[] ToByteArray() => Wire.Serialize(WriteTo);

        public static Cart ParseFrom(byte[] data) => ReadFrom(new CodedInputStream(data));

        internal void WriteTo(CodedOutputStream output)
        {
            Wire.WriteString(output, 1, UserId);
            foreach (var item in Items)
            {
                Wire.WriteMessage(output, 2, item.WriteTo);
            }
        }

        internal static Cart ReadFrom(CodedInputStream input)
        {
            var cart = new Cart();
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (tag)
                {
                    case 10:
                        cart.UserId = input.ReadString();
                        break;
                    case 18:
                        cart.Items.Add(CartItem.ReadFrom(new CodedInputStream(input.ReadBytes().ToByteArray())));
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }

            return cart;
        }
    }

    public sealed class Empty
    {
        internal static Empty ReadFrom(CodedInputStream input)
        {
            while (input.ReadTag() != 0)
            {
                input.SkipLastField();
            }

            return new Empty();
        }
    }

    internal static class Wire
    {
        public static byte[] Serialize(System.Action<CodedOutputStream> write)
        {
            using var stream = new MemoryStream();
            using (var output = new CodedOutputStream(stream, leaveOpen: true))
            {
                write(output);
            }

            return stream.ToArray();
        }

        public static void WriteString(CodedOutputStream output, int field, string value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                output.WriteTag(field, WireFormat.WireType.LengthDelimited);
                output.WriteString(value);
            }
        }

        public static void WriteMessage(CodedOutputStream output, int field, System.Action<CodedOutputStream> write)
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(Serialize(write)));
        }

        public static string ReadUserId(CodedInputStream input)
        {
            string userId = "";
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                if (tag == 10)
                {
                    userId = input.ReadString();
                }
                else
                {
                    input.SkipLastField();
                }
            }

            return userId;
        }
    }
}
