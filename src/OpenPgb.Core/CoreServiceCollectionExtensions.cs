using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Demo;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Letters;
using OpenPgb.Core.Payments;
using OpenPgb.Core.WorkTasks;

namespace OpenPgb.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Everything both hosts (web and CLI) share: database, identity store, services.</summary>
    /// <summary>Configuration is read from the container's IConfiguration when first used, never at registration.</summary>
    public static IServiceCollection AddOpenPgbCore(this IServiceCollection services)
    {
        services.AddOpenPgbDatabase();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(IntakeOptions.SectionName).Get<IntakeOptions>() ?? new IntakeOptions());
        services.AddSingleton<CareFunctionCodeListCache>();
        services.AddScoped<GrantIntakeService>();
        services.AddSingleton<MessageFileImporter>();
        services.AddScoped<GrantorService>();
        services.AddScoped<GrantorQueries>();
        services.AddScoped<GrantQueries>();
        services.AddScoped<IntakeLogQueries>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoAgreementSeeder>();
        services.AddScoped<AccessLog>();
        services.AddScoped<AccessLogVerifier>();
        services.AddScoped<AccessLogQueries>();
        services.AddScoped<CareProviderService>();
        services.AddScoped<CareAgreementService>();
        services.AddScoped<CareAgreementQueries>();
        services.AddScoped<GrantorSettingsService>();
        services.AddScoped<WorkTaskService>();
        services.AddScoped<LetterService>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(PaymentOptions.SectionName).Get<PaymentOptions>() ?? new PaymentOptions());
        services.AddScoped<BudgetLedger>();
        services.AddScoped<Reports.SpendReportService>();
        services.AddScoped<Reports.BudgetForecastService>();
        services.AddScoped<Reports.OperatorReports>();
        services.AddScoped<PaymentDeadlines>();
        services.AddScoped<Risk.IRiskIndicator, Risk.Indicators.IbanSharedIndicator>();
        services.AddScoped<Risk.IRiskIndicator, Risk.Indicators.ImplausibleHoursIndicator>();
        services.AddScoped<Risk.IRiskIndicator, Risk.Indicators.RepresentativeIsProviderIndicator>();
        services.AddScoped<Risk.IRiskIndicator, Risk.Indicators.RapidProviderGrowthIndicator>();
        services.AddScoped<Risk.IRiskIndicator, Risk.Indicators.IbanChangedBeforePaymentIndicator>();
        services.AddScoped<Risk.IRiskIndicator, Risk.Indicators.ClaimBeforeSigningIndicator>();
        services.AddScoped<Risk.IRiskIndicator, Risk.Indicators.SpendAboveForecastIndicator>();
        services.AddScoped<Risk.IRiskIndicator, Risk.Indicators.TariffAtMaximumIndicator>();
        services.AddScoped<Risk.RiskScanService>();
        services.AddScoped<Risk.RiskSignalService>();
        services.AddScoped<ClaimService>();
        services.AddScoped<ClaimQueries>();
        services.AddScoped<ClaimUploadService>();
        services.AddSingleton<ClaimUploadRunner>();
        services.AddScoped<FixedMonthlyClaims>();
        services.AddScoped<LedgerVerifier>();
        services.AddScoped<PaymentBlockService>();
        services.AddScoped<PaymentRunService>();
        services.AddScoped<PaymentRunQueries>();
        services.AddSingleton<ManualPaymentRuns>();
        services.AddScoped<BankFeedbackService>();
        services.AddScoped<BudgetClosing.BudgetClosingService>();
        services.AddScoped<Conversion.ConversionService>();
        services.AddScoped<Conversion.ConversionComparer>();
        services.AddScoped<Conversion.ConversionWorkflow>();
        services.AddScoped<Conversion.TrancheService>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(Conversion.ConversionOptions.SectionName).Get<Conversion.ConversionOptions>() ?? new Conversion.ConversionOptions());
        services.AddSingleton<Conversion.ConversionFiles>();

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<OpenPgbDbContext>()
            .AddDefaultTokenProviders();
        // One key ring per installation, in its database: web nodes share it, other installations cannot use it. The
        // fixed application name keeps the keys valid whatever directory a node runs from.
        services.AddDataProtection().SetApplicationName("OpenPgb").PersistKeysToDbContext<OpenPgbDbContext>();
        services.AddScoped<LoginThrottle>();
        services.AddScoped<AccountService>();
        return services;
    }
}
