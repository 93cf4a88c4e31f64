namespace OpenPgb.Web.Security;

/// <summary>Configuration section "Security".</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Grantor employees and operators see health-related data: TOTP is required. Relax for the demo only.</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>Cookies only over HTTPS. Off only for the local demo over plain HTTP.</summary>
    public bool SecureCookies { get; set; } = true;

    public int IdleTimeoutMinutes { get; set; } = 20;

    public int AbsoluteTimeoutHours { get; set; } = 8;

    public int LoginAttemptsPerMinute { get; set; } = 10;

    public int IntakeRequestsPerSecond { get; set; } = 50;

    /// <summary>Machine-channel requests per second from one client address, whatever token they carry.</summary>
    public int ApiRequestsPerSecondPerAddress { get; set; } = 200;

    /// <summary>
    /// Addresses of the load balancers or reverse proxies in front of the web nodes. Only their X-Forwarded-For is
    /// believed, so rate limits and sign-in lockout count the real client, not the proxy.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; set; } = [];
}
