using OpenPgb.Core.Common;

namespace OpenPgb.Core.Ipgb;

/// <summary>
/// A received message after the layers that need no stored state: transport size, header sniff and schema. Pure and
/// thread-safe, so the file channel prepares messages on every core while the database applies earlier ones.
/// </summary>
public sealed record PreparedMessage(byte[] Raw, int SizeBytes, string RawHash, bool Oversized, HeaderSniff? Sniff, SchemaResult? Schema)
{
    public static PreparedMessage Prepare(ReadOnlyMemory<byte> raw, int maxBytes)
    {
        var rawHash = Sha256Hex.Of(raw.Span);
        if (raw.Length > maxBytes)
        {
            // Too large to keep: the record holds the hash only.
            return new PreparedMessage([], 0, rawHash, Oversized: true, null, null);
        }

        var sniff = Message501Reader.SniffHeader(raw);
        var schema = sniff.IsReadable ? Message501Reader.Load(raw, sniff.Schema!) : null;
        return new PreparedMessage(raw.ToArray(), raw.Length, rawHash, Oversized: false, sniff, schema);
    }
}
