using System.Security.Cryptography;
using OpenPgb.Core.Common;

namespace OpenPgb.Core.Grantors;

/// <summary>
/// A bearer token for a grantor's machine channel. Only the SHA-256 of the secret is stored; the secret is shown once.
/// </summary>
public sealed class ApiToken
{
    private const string SecretPrefix = "opgb_";

    private ApiToken()
    {
        SecretHash = string.Empty;
        Hint = string.Empty;
    }

    private ApiToken(int grantorId, string secretHash, string hint, DateTimeOffset createdAt)
    {
        GrantorId = grantorId;
        SecretHash = secretHash;
        Hint = hint;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public Grantor? Grantor { get; private set; }

    public string SecretHash { get; private set; }

    /// <summary>The last four characters, so an operator can tell tokens apart.</summary>
    public string Hint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static (ApiToken Token, string Secret) Issue(int grantorId, DateTimeOffset now)
    {
        var secret = NewSecret(SecretPrefix);
        return (new ApiToken(grantorId, HashSecret(secret), secret[^4..], now), secret);
    }

    /// <summary>32 random bytes, URL-safe, behind a prefix that tells what kind of token it is.</summary>
    public static string NewSecret(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string HashSecret(string secret) => Sha256Hex.Of(System.Text.Encoding.UTF8.GetBytes(secret));

    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw new InvalidOperationException("This token has already been revoked.");
        }

        RevokedAt = now;
    }
}
