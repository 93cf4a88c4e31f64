using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenPgb.Core;
using OpenPgb.Core.Data;

namespace OpenPgb.Cli;

/// <summary>
/// The CLI's service container: the same configuration keys as the web (appsettings.json in the working directory,
/// then environment variables such as Database__Provider and ConnectionStrings__OpenPgb). Runs in the system scope.
/// </summary>
internal static class CliHost
{
    public static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        services.AddOpenPgbCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>A unit of work in the system scope: operators and jobs act for every grantor.</summary>
    public static AsyncServiceScope SystemScope(this IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
        return scope;
    }
}
