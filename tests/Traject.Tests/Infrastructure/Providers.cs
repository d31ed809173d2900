using Traject.Web.Data;

namespace Traject.Tests.Infrastructure;

/// <summary>
/// Which database engines the tests can use here. SQLite always; PostgreSQL when <c>TRAJECT_TEST_POSTGRES</c> holds an
/// Npgsql connection string to a server where the user may CREATE DATABASE. Without it PostgreSQL tests are skipped,
/// except in CI (<c>CI=true</c>), where a missing engine fails the test so nothing silently stops being tested.
/// </summary>
internal static class Providers
{
    public const string PostgresVariable = "TRAJECT_TEST_POSTGRES";

    public static string? PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, in CI, fails) the calling test when the provider cannot be used here.</summary>
    public static void Require(DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.PostgreSQL || PostgresAdminConnectionString is not null)
        {
            return;
        }

        const string reason = "PostgreSQL tests need " + PostgresVariable +
            " (an Npgsql connection string to a server where the user may CREATE DATABASE).";
        if (IsCi)
        {
            Assert.Fail(reason + " CI=true, so a skipped PostgreSQL test is a failure.");
        }

        Skip.If(true, reason);
    }
}
