namespace OpenPgb.Core.CareProviders;

/// <summary>
/// A bearer token for a provider's own software (POST /api/claims/v1). Like the grantors' tokens, only the SHA-256 of
/// the secret is stored and the secret is shown once.
/// </summary>
public sealed class ProviderApiToken
{
    private ProviderApiToken()
    {
        SecretHash = string.Empty;
        Hint = string.Empty;
        CreatedBy = string.Empty;
    }

    public long Id { get; private set; }

    public long CareProviderId { get; private set; }

    public string SecretHash { get; private set; }

    public string Hint { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static (ProviderApiToken Token, string Secret) Issue(long careProviderId, string createdBy, DateTimeOffset now)
    {
        var providerSecret = Grantors.ApiToken.NewSecret("opgbzv_");
        return (new ProviderApiToken
        {
            CareProviderId = careProviderId,
            SecretHash = Grantors.ApiToken.HashSecret(providerSecret),
            Hint = providerSecret[^4..],
            CreatedBy = createdBy,
            CreatedAt = now,
        }, providerSecret);
    }

    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw new Common.IllegalTransitionException("This token has already been revoked.");
        }

        RevokedAt = now;
    }
}
