using System.Security.Cryptography;

namespace OpenPgb.Core.Common;

public static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
