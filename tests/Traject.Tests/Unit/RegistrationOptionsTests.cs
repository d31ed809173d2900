using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Registration;

namespace Traject.Tests.Unit;

/// <summary>The de-duplication secret: a development default only in Development, required everywhere else.</summary>
public class RegistrationOptionsTests
{
    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Traject.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static RegistrationOptions Resolve(string environment, string? secret)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Registration:DeduplicationSecret"] = secret }).Build();
        var services = new ServiceCollection().AddSingleton<IHostEnvironment>(new Env(environment));
        services.AddRegistration(config);
        return services.BuildServiceProvider().GetRequiredService<IOptions<RegistrationOptions>>().Value;
    }

    [Fact]
    public void Development_falls_back_to_its_own_secret() =>
        Assert.Equal(RegistrationOptions.DevelopmentSecret, Resolve("Development", null).DeduplicationSecret);

    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    [InlineData(RegistrationOptions.DevelopmentSecret)]
    public void Elsewhere_a_real_secret_is_required(string? secret) =>
        Assert.Throws<OptionsValidationException>(() => Resolve("Production", secret));

    [Fact]
    public void A_configured_secret_is_used() =>
        Assert.Equal("production-secret-0123456789abcdef0123456789", Resolve("Production", "production-secret-0123456789abcdef0123456789").DeduplicationSecret);
}
