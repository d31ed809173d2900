using System.ComponentModel.DataAnnotations;

namespace Traject.Web.Modules.YoungPeople;

/// <summary>
/// The <c>YoungPeople</c> configuration section: the target group's ages. A young person is registered only when her
/// date of birth gives an age from <see cref="TargetMinAge"/> to <see cref="TargetMaxAge"/> (inclusive) on the
/// registration date.
/// </summary>
internal sealed class YoungPeopleOptions
{
    public const string Section = "YoungPeople";

    [Range(0, PersonalDetails.MaxAge)]
    public int TargetMinAge { get; set; } = 8;

    [Range(0, PersonalDetails.MaxAge)]
    public int TargetMaxAge { get; set; } = PersonalDetails.MaxAge;

    public TargetAges TargetAges => new(TargetMinAge, TargetMaxAge);
}

/// <summary>The ages of the target group on the registration date, both inclusive.</summary>
internal readonly record struct TargetAges(int Min, int Max);

/// <summary>The young people module's registration: its options, checked at start-up.</summary>
internal static class YoungPeopleModule
{
    public static IServiceCollection AddYoungPeople(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<YoungPeopleOptions>().Bind(config.GetSection(YoungPeopleOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.TargetMinAge <= o.TargetMaxAge, "YoungPeople:TargetMinAge must not be above YoungPeople:TargetMaxAge.")
            .ValidateOnStart();
        return services;
    }
}
