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

    [Theory]
    [InlineData("ParentOrGuardian")]
    [InlineData("ParentOrGuardianAndYoungPerson")]
    public void While_a_parent_may_be_involved_a_minor_is_not_notified_by_name_but_by_date_of_birth_only(string requirement)
    {
        var parents = Enum.Parse<ConsentRequirement>(requirement);
        var refusal = RegistrationRules.ConsentRefusal(RegistrationOutcome.NotifyByName, null, parents, parentMayBeInvolved: true);
        Assert.Equal(ErrorKind.Conflict, refusal!.Kind);
        Assert.Equal("A parent may be involved in the exploitation: asking the parents for consent could endanger her. Notify with date of birth only, never by name.",
            refusal.Message);
        Assert.Null(RegistrationRules.ConsentRefusal(RegistrationOutcome.NotifyDateOfBirthOnly, null, parents, parentMayBeInvolved: true));
        Assert.Null(RegistrationRules.ConsentRefusal(RegistrationOutcome.NotifyByName, null, parents, parentMayBeInvolved: false));
        Assert.False(RegistrationRules.ByNamePossible(parents, parentMayBeInvolved: true));
        Assert.True(RegistrationRules.ByNamePossible(parents, parentMayBeInvolved: false));
    }

    [Fact]
    public void Parents_who_refuse_lead_to_a_notification_by_date_of_birth_only_not_to_none()
    {
        var refusal = RegistrationRules.ConsentRefusal(RegistrationOutcome.DoNotNotify, NonNotificationReason.ConsentRefused,
            ConsentRequirement.ParentOrGuardianAndYoungPerson, parentMayBeInvolved: false);
        Assert.Equal("When the parents or guardian refuse consent, she is notified with her date of birth only: record that decision and why.", refusal!.Message);

        // Other reasons not to notify stay open, with their argument.
        foreach (var reason in Enum.GetValues<NonNotificationReason>().Where(r => r != NonNotificationReason.ConsentRefused))
        {
            Assert.Null(RegistrationRules.ConsentRefusal(RegistrationOutcome.DoNotNotify, reason, ConsentRequirement.ParentOrGuardian, parentMayBeInvolved: true));
        }
    }

    [Fact]
    public void Where_only_her_own_consent_is_needed_the_parents_change_nothing()
    {
        foreach (var outcome in Enum.GetValues<RegistrationOutcome>())
        {
            Assert.Null(RegistrationRules.ConsentRefusal(outcome, NonNotificationReason.ConsentRefused, ConsentRequirement.YoungPerson, parentMayBeInvolved: true));
        }

        Assert.True(RegistrationRules.ByNamePossible(ConsentRequirement.YoungPerson, parentMayBeInvolved: true));
    }
}
