using System.Net;
using Microsoft.EntityFrameworkCore;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Tests.Integration;

/// <summary>Registering, reading and correcting a young person through /api/v1/young-people.</summary>
public abstract class YoungPeopleApiTests(TrajectFixture f)
{
    [SkippableFact]
    public async Task Register_answers_201_with_location_and_a_pseudonym()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var body = Dossiers.NewPerson(f.Clock, "Registra");
        using var response = await regie.PostJsonAsync("/api/v1/young-people", body);
        var created = await response.ReadAsync<RegisteredYoungPerson>(HttpStatusCode.Created);

        Assert.True(PseudonymCode.IsWellFormed(created.Pseudonym), created.Pseudonym);
        Assert.Equal($"/api/v1/young-people/{created.Pseudonym}", response.Headers.Location?.OriginalString);
        Assert.NotEqual(Guid.Empty, created.TrajectoryId);

        using var read = await regie.GetAsync(response.Headers.Location);
        var person = await read.ReadAsync<YoungPersonResponse>();
        Assert.Equal(created.YoungPersonId, person.Id);
        Assert.Equal(created.Pseudonym, person.Pseudonym);
        Assert.Equal("Registra", person.GivenName);
        Assert.Equal("Proefpersoon", person.FamilyName);
        Assert.Equal((DateOnly)body["dateOfBirth"]!, person.DateOfBirth);
        Assert.Equal(15, person.Age);
        Assert.Equal(Gender.Girl, person.Gender);
        Assert.Equal(Nationality.Dutch, person.Nationality);
        Assert.Equal(1, person.Version);
        var trajectory = Assert.Single(person.Trajectories);
        Assert.Equal(created.TrajectoryId, trajectory.Id);
        Assert.Equal(TrajectoryStatus.Signalled, trajectory.Status);
        Assert.Equal(f.Clock.Today(), trajectory.StartedOn);

        // The internal id and the pseudonym in lower case name the same young person.
        foreach (var key in new[] { created.YoungPersonId.ToString(), created.Pseudonym.ToLowerInvariant() })
        {
            using var byKey = await regie.GetAsync($"/api/v1/young-people/{key}");
            Assert.Equal(created.YoungPersonId, (await byKey.ReadAsync<YoungPersonResponse>()).Id);
        }
    }

    [SkippableFact]
    public async Task Registering_opens_a_trajectory_led_by_my_organisation_with_me_as_coordinator_and_member()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        var detail = await Dossiers.DetailAsync(regie, created.TrajectoryId);

        Assert.Equal(f.Ids.Organisation(Demo.North), detail.LeadOrganisationId);
        Assert.Equal(f.Ids.User(Demo.Regie), detail.Coordinator.Id);
        Assert.Equal(AccessBasis.Coordinator, detail.AccessBasis);
        Assert.True(detail.CanManage);
        var me = Assert.Single(detail.CareTeam);
        Assert.Equal(f.Ids.User(Demo.Regie), me.ProfessionalId);
        Assert.Equal(CareTeamRole.Mentor, me.Role);
        Assert.True(me.IsActive);
        var period = Assert.Single(detail.CoordinatorHistory);
        Assert.Null(period.Until);
    }

    [SkippableFact]
    public async Task Register_with_invalid_details_answers_400_naming_the_fields()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        using var response = await regie.PostJsonAsync("/api/v1/young-people", new
        {
            givenName = "",
            familyName = "Proefpersoon",
            dateOfBirth = f.Clock.Today().AddDays(1),
            gender = "Girl",
            nationality = "Other",
            municipality = "Groningen",
            initialStatus = "Closed",
        });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["dateOfBirth", "givenName", "initialStatus", "nationalityCountry"], problem.Fields().Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task The_date_of_birth_must_lie_before_today_and_give_an_age_of_8_to_30_on_the_registration_date()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var today = f.Clock.Today();
        var on = today.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        async Task<string> RefusedAsync(DateOnly dateOfBirth, string query = "")
        {
            var body = Dossiers.NewPerson(f.Clock);
            body["dateOfBirth"] = dateOfBirth;
            using var response = await regie.PostJsonAsync("/api/v1/young-people" + query, body);
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["dateOfBirth"], problem.Fields());
            return (string)problem["errors"]!["dateOfBirth"]![0]!;
        }

        Assert.Equal("Een geboortedatum kan niet vandaag of in de toekomst liggen.", await RefusedAsync(today));
        Assert.Equal("Een geboortedatum kan niet vandaag of in de toekomst liggen.", await RefusedAsync(today.AddYears(1)));
        Assert.Equal("A date of birth cannot be today or in the future.", await RefusedAsync(today, "?culture=en-GB"));
        Assert.Equal($"Deze geboortedatum geeft op de registratiedatum ({on}) een leeftijd van 7 jaar; alleen jongeren van 8 tot en met 30 jaar worden geregistreerd.",
            await RefusedAsync(today.AddYears(-8).AddDays(1))); // 8 tomorrow
        Assert.Equal($"This date of birth gives an age of 31 on the registration date ({on}); young people from 8 to 30 years old are registered.",
            await RefusedAsync(today.AddYears(-31), "?culture=en-GB"));
        Assert.Equal(0, await f.WithDbAsync(db => db.YoungPeople.CountAsync(y => y.DateOfBirth >= today.AddYears(-8).AddDays(1) || y.DateOfBirth <= today.AddYears(-31))));

        // The limits themselves: her 8th birthday today, and 30 until tomorrow.
        await Dossiers.RegisterAsync(regie, f.Clock, b => b["dateOfBirth"] = today.AddYears(-8));
        var oldest = await Dossiers.RegisterAsync(regie, f.Clock, b => b["dateOfBirth"] = today.AddYears(-31).AddDays(1));

        // Changing her details later: a new date of birth is checked against the day she was registered.
        var change = Dossiers.NewPerson(f.Clock);
        change["dateOfBirth"] = today.AddYears(-5);
        change["version"] = 1;
        using var younger = await regie.PutJsonAsync($"/api/v1/young-people/{oldest.YoungPersonId}", change);
        Assert.Equal(["dateOfBirth"], (await younger.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
    }

    [SkippableFact]
    public async Task The_register_form_shows_the_target_ages_and_refuses_a_date_of_birth_of_today_on_the_field()
    {
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var today = f.Clock.Today();
        using (var form = await browser.GetAsync("/young-people/register"))
        {
            var page = await Browser.ParseAsync(form);
            Assert.Equal("Van 8 tot en met 30 jaar oud op de registratiedatum (vandaag); de geboortedatum ligt vóór vandaag.",
                page.QuerySelector("#hint_DateOfBirth")!.TextContent);
            var input = page.QuerySelector("#Input_DateOfBirth")!;
            Assert.Equal(today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), input.GetAttribute("max"));
            Assert.Contains("hint_DateOfBirth", input.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        }

        using (var english = await browser.GetAsync("/young-people/register?culture=en-GB"))
        {
            Assert.Equal("From 8 to 30 years old on the registration date (today); the date of birth lies before today.",
                (await Browser.ParseAsync(english)).QuerySelector("#hint_DateOfBirth")!.TextContent);
        }

        var fields = new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Vandaag", ["Input.FamilyName"] = "Geboren", ["Input.Municipality"] = "Groningen",
            ["Input.Gender"] = "Girl", ["Input.Nationality"] = "Dutch",
            ["Input.DateOfBirth"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        using (var posted = await Browser.SubmitAsync(browser, "/young-people/register", fields))
        {
            var page = await Browser.ParseAsync(posted);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            Assert.Equal("Een geboortedatum kan niet vandaag of in de toekomst liggen.", page.QuerySelector("#err_DateOfBirth")!.TextContent.Trim());
            Assert.Equal(string.Empty, page.QuerySelector("#err_GivenName")!.TextContent.Trim());
        }

        fields["Input.DateOfBirth"] = today.AddYears(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var posted = await Browser.SubmitAsync(browser, "/young-people/register?culture=en-GB", fields))
        {
            Assert.StartsWith("This date of birth gives an age of 7 on the registration date",
                (await Browser.ParseAsync(posted)).QuerySelector("#err_DateOfBirth")!.TextContent.Trim(), StringComparison.Ordinal);
        }

        Assert.False(await f.WithDbAsync(db => db.YoungPeople.AnyAsync(y => y.FamilyName == "Geboren")));
    }

    [SkippableFact]
    public async Task Update_with_the_current_version_answers_200_and_the_next_version()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        var update = Dossiers.NewPerson(f.Clock, "Hernoemd");
        update["nationality"] = "Other";
        update["nationalityCountry"] = "Demoland";
        update["version"] = 1;

        using var response = await regie.PutJsonAsync($"/api/v1/young-people/{created.YoungPersonId}", update);
        var person = await response.ReadAsync<YoungPersonResponse>();

        Assert.Equal(2, person.Version);
        Assert.Equal("Hernoemd", person.GivenName);
        Assert.Equal("Demoland", person.NationalityCountry);
        using var again = await regie.GetAsync($"/api/v1/young-people/{created.YoungPersonId}");
        Assert.Equal(2, (await again.ReadAsync<YoungPersonResponse>()).Version);

        using var timeline = await regie.GetAsync($"/api/v1/trajectories/{created.TrajectoryId}/timeline?kind=youngperson.updated");
        Assert.Single((await timeline.ReadAsync<TimelinePage>()).Items);
    }

    [SkippableFact]
    public async Task Update_with_a_stale_version_answers_409_and_changes_nothing()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        var first = Dossiers.NewPerson(f.Clock, "Eerste");
        first["version"] = 1;
        using (var ok = await regie.PutJsonAsync($"/api/v1/young-people/{created.YoungPersonId}", first))
        {
            await ok.ExpectAsync(HttpStatusCode.OK);
        }

        var second = Dossiers.NewPerson(f.Clock, "Tweede");
        second["version"] = 1;
        using var stale = await regie.PutJsonAsync($"/api/v1/young-people/{created.YoungPersonId}", second);
        var problem = await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Iemand anders heeft dit intussen gewijzigd. Laad het opnieuw en breng je wijziging nogmaals aan.", (string?)problem["detail"]);

        using var staleInEnglish = await regie.PutJsonAsync($"/api/v1/young-people/{created.YoungPersonId}?culture=en-GB", second);
        Assert.Equal("This record was changed by someone else in the meantime. Reload it and make your change again.",
            (string?)(await staleInEnglish.ProblemAsync(HttpStatusCode.Conflict))["detail"]);

        using var read = await regie.GetAsync($"/api/v1/young-people/{created.YoungPersonId}");
        var person = await read.ReadAsync<YoungPersonResponse>();
        Assert.Equal("Eerste", person.GivenName);
        Assert.Equal(2, person.Version);
    }

    [SkippableFact]
    public async Task Update_without_a_version_is_a_validation_error()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        using var response = await regie.PutJsonAsync($"/api/v1/young-people/{created.YoungPersonId}", Dossiers.NewPerson(f.Clock));
        Assert.Contains("version", (await response.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
    }

    [SkippableFact]
    public async Task An_unknown_young_person_answers_404()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        using var response = await regie.GetAsync($"/api/v1/young-people/{Guid.CreateVersion7()}");
        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_second_trajectory_opens_only_after_the_first_is_closed()
    {
        using var regie = await f.ClientAsync(Demo.Regie);
        var created = await Dossiers.RegisterAsync(regie, f.Clock);
        using (var refused = await regie.PostJsonAsync($"/api/v1/young-people/{created.YoungPersonId}/trajectories", new { }))
        {
            await refused.ProblemAsync(HttpStatusCode.Conflict);
        }

        await Dossiers.ChangeStatusAsync(regie, created.TrajectoryId, "Closed", "Test: afgesloten");
        using var opened = await regie.PostJsonAsync($"/api/v1/young-people/{created.YoungPersonId}/trajectories", new { initialStatus = "Active" });
        var second = await opened.ReadAsync<TrajectoryOpened>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/trajectories/{second.TrajectoryId}", opened.Headers.Location?.OriginalString);

        using var read = await regie.GetAsync($"/api/v1/young-people/{created.YoungPersonId}");
        var person = await read.ReadAsync<YoungPersonResponse>();
        Assert.Equal(2, person.Trajectories.Count);
        Assert.Single(person.Trajectories, t => t.Status == TrajectoryStatus.Active && t.Id == second.TrajectoryId);
    }
}

public sealed class YoungPeopleApiSqlite(SqliteFixture f) : YoungPeopleApiTests(f), IClassFixture<SqliteFixture>;

public sealed class YoungPeopleApiPostgres(PostgresFixture f) : YoungPeopleApiTests(f), IClassFixture<PostgresFixture>;
