using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using OpenPgb.Core;
using OpenPgb.Core.Accounts;
using OpenPgb.Web.Api;
using OpenPgb.Web.Infrastructure;
using OpenPgb.Web.Jobs;
using OpenPgb.Web.Security;

var builder = WebApplication.CreateBuilder(args);

// No "Server: Kestrel" on responses: nothing to tell a prober which stack answers.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
// Security settings are read through IOptions when used, never eagerly here, so every configuration source applies.
builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.SectionName));

// Structured logs with the request id in scope; templates carry ids and codes, never a BSN or a name.
builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(o =>
{
    o.IncludeScopes = true;
    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz ";
    o.UseUtcTimestamp = true;
});

builder.Services.AddOpenPgbCore();

// The key ring lives in the database (ADR 0008); in production its keys are encrypted at rest with a certificate
// (PFX) every node of the installation has. Without one the framework warns at start, as it should.
if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
{
    builder.Services.AddDataProtection().ProtectKeysWithCertificate(
        System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(certificatePath, builder.Configuration["DataProtection:CertificatePassword"]));
}
builder.Services.AddHttpContextAccessor();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<GrantorNames>();
builder.Services.AddScheduledJobs(builder.Configuration);
builder.Services.AddHostedService<OpenPgb.Web.Jobs.ManualPaymentRunJob>();
builder.Services.AddHostedService<OpenPgb.Web.Jobs.ClaimUploadJob>();
builder.Services.AddIdentityCore<PortalUser>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<PortalClaimsFactory>();
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
    .AddIdentityCookies();
builder.Services.AddAuthentication().AddMachineTokens();
builder.Services.AddSingleton<DatabaseTicketStore>();
builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
    .Configure<IOptions<SecurityOptions>, DatabaseTicketStore>((o, security, sessions) =>
    {
        ConfigureCookie(o, security.Value, "openpgb.auth");

        // The cookie carries a session key; the session itself lives in the database, so sign-out really ends it.
        o.SessionStore = sessions;

        // Every request: the session's user, stamp and rights from the database.
        o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
    });
builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
    .Configure<IOptions<SecurityOptions>>((o, security) => ConfigureCookie(o, security.Value, "openpgb.2fa"));
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(PortalClaims.CitizenRole, p => p.RequireRole(PortalClaims.CitizenRole))
    .AddPolicy(PortalClaims.EmployeeRole, p => p.RequireRole(PortalClaims.EmployeeRole))
    .AddPolicy(PortalClaims.OperatorRole, p => p.RequireRole(PortalClaims.OperatorRole))
    .AddPolicy(PortalClaims.CareProviderRole, p => p.RequireRole(PortalClaims.CareProviderRole))
    .AddMachineTokenPolicies();

builder.Services.AddRazorPages(options =>
{
    // Authorisation per area, once (TRS-style conventions), not per handler.
    options.Conventions.AuthorizeAreaFolder("Budgethouder", "/", PortalClaims.CitizenRole);
    options.Conventions.AuthorizeAreaFolder("Vertegenwoordiger", "/", PortalClaims.CitizenRole);
    options.Conventions.AuthorizeAreaFolder("Verstrekker", "/", PortalClaims.EmployeeRole);
    options.Conventions.AuthorizeAreaFolder("Beheer", "/", PortalClaims.OperatorRole);
    options.Conventions.AuthorizeAreaFolder("Zorgverlener", "/", PortalClaims.CareProviderRole);
    options.Conventions.AllowAnonymousToAreaPage("Zorgverlener", "/Registreren");
}).AddMvcOptions(options =>
{
    // Global, so it covers area pages too (Conventions.ConfigureFilter reaches only pages outside areas).
    options.Filters.Add(new DomainExceptionFilter());
});
builder.Services.AddAntiforgery();
builder.Services.AddOptions<AntiforgeryOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
{
    o.Cookie.Name = "openpgb.af";
    o.Cookie.SecurePolicy = security.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    o.Cookie.SameSite = SameSiteMode.Strict;
});
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

    // Every machine call counts per client address too, before any token is looked at: a caller inventing a new
    // token per request cannot escape the limit (the per-token policy below keeps one grantor from starving another).
    options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        ? RateLimitPartition.GetTokenBucketLimiter(
            "api:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = SecurityOf(context).ApiRequestsPerSecondPerAddress * 2,
                TokensPerPeriod = SecurityOf(context).ApiRequestsPerSecondPerAddress,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            })
        : RateLimitPartition.GetNoLimiter("portal"));
    // Only attempts (POST) count; showing the login page does not.
    options.AddPolicy("login", context => HttpMethods.IsPost(context.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = SecurityOf(context).LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
        : RateLimitPartition.GetNoLimiter("page-view"));
    options.AddPolicy(IpgbApi.RateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
        IpgbApi.TokenPartition(context),
        _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = SecurityOf(context).IntakeRequestsPerSecond * 2,
            TokensPerPeriod = SecurityOf(context).IntakeRequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));
});
builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    o.KnownProxies.Clear();
    o.KnownIPNetworks.Clear();
    foreach (var proxy in security.Value.TrustedProxies)
    {
        o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
});
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    o.DefaultRequestCulture = new RequestCulture("nl-NL");
    o.SupportedCultures = [new CultureInfo("nl-NL")];
    o.SupportedUICultures = [new CultureInfo("nl-NL")];
});

var app = builder.Build();
await StartupTasks.RunAsync(app);

app.UseForwardedHeaders();
app.UseMiddleware<SecurityHeadersMiddleware>();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fout/500");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/fout/{0}");
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseMiddleware<AccessScopeMiddleware>();
app.UseMiddleware<TwoFactorEnforcementMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
// The description of the machine channels: open on a developer's machine, for signed-in operators elsewhere (they give
// it to grantors' and providers' suppliers), so production does not publish its surface to anyone who asks.
var openApi = app.MapOpenApi("/api/openapi/{documentName}.json");
if (!app.Environment.IsDevelopment())
{
    openApi.RequireAuthorization(PortalClaims.OperatorRole);
}
app.MapIpgbApi();
app.MapClaimsApi();
// The idle-timeout warning's "stay signed in": any authenticated request slides the session on (WCAG 2.2.1).
app.MapGet("/account/sessie", () => Results.NoContent()).RequireAuthorization().ExcludeFromDescription();
app.MapRazorPages();

await app.RunAsync();

static SecurityOptions SecurityOf(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;

static void ConfigureCookie(CookieAuthenticationOptions options, SecurityOptions security, string name)
{
    options.Cookie.Name = name;
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = security.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    options.LoginPath = "/account/inloggen";
    options.LogoutPath = "/account/uitloggen";
    options.AccessDeniedPath = "/fout/403";
    options.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
    options.SlidingExpiration = true;
    options.Events.OnRedirectToAccessDenied = context =>
    {
        // Another role's page: 403, rendered by the status-code page, never a redirect.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
}

/// <summary>Entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
