using Npgsql;
using OpenPgb.Core.Data;
using Shouldly;

namespace OpenPgb.Core.Tests.Data;

/// <summary>Npgsql prepares the portal's repeated statements unless the connection string says otherwise.</summary>
public sealed class AutoPrepareTests
{
    [Fact]
    public void AConnectionStringWithoutASetting_GetsAutomaticPreparation()
    {
        var builder = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithAutoPrepare("Host=db;Database=openpgb;Username=app"));

        builder.MaxAutoPrepare.ShouldBe(64);
        builder.AutoPrepareMinUsages.ShouldBe(2);
        builder.Host.ShouldBe("db");
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=10", 10)]
    public void AConnectionStringThatSetsIt_KeepsItsOwnValue(string connectionString, int expected) =>
        new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithAutoPrepare(connectionString)).MaxAutoPrepare.ShouldBe(expected);
}
