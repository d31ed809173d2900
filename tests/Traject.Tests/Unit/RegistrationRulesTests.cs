using Traject.Web.Common;
using Traject.Web.Modules.Registration;
using Traject.Web.Modules.Screening;

namespace Traject.Tests.Unit;

/// <summary>The rules of a registration decision that need no database.</summary>
public class RegistrationRulesTests
{
    [Theory]
    [InlineData("Suspected")]
    [InlineData("Acute")]
    public void A_final_suspected_or_acute_classification_allows_a_national_notification(string final)
    {
        Assert.Null(RegistrationRules.NotificationRefusal(Enum.Parse<Classification>(final)));
        Assert.True(RegistrationRules.MayNotify(Enum.Parse<Classification>(final)));
    }

    [Fact]
    public void Without_a_final_classification_no_notification_is_made()
    {
        var refusal = RegistrationRules.NotificationRefusal(null);
        Assert.Equal(ErrorKind.Conflict, refusal!.Kind);
        Assert.Equal("Only suspected victims are notified: this needs a final weighed classification of suspected victim or acute danger, and there is none yet.",
            refusal.Message);
        Assert.False(RegistrationRules.MayNotify(null));
    }

    [Theory]
    [InlineData("Potential")]
    [InlineData("None")]
    public void A_potential_victim_or_no_suspicion_is_not_notified_and_the_refusal_names_the_classification(string final)
    {
        var classification = Enum.Parse<Classification>(final);
        var refusal = RegistrationRules.NotificationRefusal(classification);
        Assert.Equal(ErrorKind.Conflict, refusal!.Kind);
        Assert.Equal(Text.Encode("Only suspected victims are notified: this needs a final weighed classification of suspected victim or acute danger; the latest is {0}.",
            classification), refusal.Message);
        Assert.False(RegistrationRules.MayNotify(classification));
    }
}
