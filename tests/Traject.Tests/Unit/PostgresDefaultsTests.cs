using Npgsql;
using Traject.Web.Data;

namespace Traject.Tests.Unit;

/// <summary>The PostgreSQL settings of the hot path: prepared statements and no reset per pooled use, unless set.</summary>
public sealed class PostgresDefaultsTests
{
    [Fact]
    public void A_connection_string_without_them_gets_prepared_statements_and_no_reset_on_close()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = "Host=db;Username=traject;Password=x;Database=traject" };
        var resolved = new NpgsqlConnectionStringBuilder(options.ResolveConnectionString("/nowhere"));
        Assert.Equal(64, resolved.MaxAutoPrepare);
        Assert.True(resolved.NoResetOnClose);
        Assert.Equal("db", resolved.Host);
        Assert.Equal("x", resolved.Password);
    }

    [Fact]
    public void What_the_operator_set_wins()
    {
        var resolved = new NpgsqlConnectionStringBuilder(
            DatabaseOptions.WithPostgresDefaults("Host=db;Database=traject;Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Equal(0, resolved.MaxAutoPrepare);
        Assert.False(resolved.NoResetOnClose);
    }

    [Fact]
    public void Sqlite_connection_strings_are_left_alone()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=/tmp/x.db" };
        Assert.Equal("Data Source=/tmp/x.db", options.ResolveConnectionString("/nowhere"));
    }
}
