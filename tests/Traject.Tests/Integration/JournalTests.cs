using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Traject.Tests.Infrastructure;
using Traject.Web.Common;
using Traject.Web.Modules.Journal;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Integration;

/// <summary>
/// The contact journal and the attachments of a trajectory (ADR 0031): the care team writes dated contact notes, the
/// author corrects her own within 24 hours on the version she read, and every text before a correction is kept;
/// attachments are checked by content and size, pass the scan hook, are stored encrypted and every download is
/// audited. Out of scope and partner roles see nothing; bad input writes nothing.
/// </summary>
public abstract class JournalTests(TrajectFixture f)
{
    private const string WithWhom = "Moeder Voorbeeld en de jongere";
    private const string Discussed = "Schoolbezoek en de weekendregeling besproken.";

    /// <summary>A young person of Regie's (coordinator) with Mentor in her care team.</summary>
    private async Task<(Guid Id, string Pseudonym, HttpClient Regie, HttpClient Mentor)> SceneAsync()
    {
        var regie = await f.ClientAsync(Demo.Regie);
        var person = await Dossiers.RegisterAsync(regie, f.Clock, p => p["givenName"] = "Journa");
        await Dossiers.AddMemberAsync(regie, person.TrajectoryId, new { professionalId = f.Ids.User(Demo.Mentor), role = "Mentor" });
        return (person.TrajectoryId, person.Pseudonym, regie, await f.ClientAsync(Demo.Mentor));
    }

    private Task<int> NotesAsync(Guid id) => f.WithDbAsync(db => db.ContactNotes.CountAsync(n => n.TrajectoryId == id));

    private Task<int> AttachmentsAsync(Guid id) => f.WithDbAsync(async db =>
        await db.Attachments.CountAsync(a => a.TrajectoryId == id) + await db.AttachmentContents.CountAsync(c => db.Attachments.Any(a => a.Id == c.AttachmentId && a.TrajectoryId == id)));

    [SkippableFact]
    public async Task A_team_member_writes_a_contact_note_with_a_follow_up_task_and_the_timeline_names_only_its_kind()
    {
        var (id, pseudonym, regie, mentor) = await SceneAsync();
        var today = f.Clock.Today();
        await JournalSteps.RecordAsync(regie, id, today.AddDays(-3));
        Changed note;
        using (var added = await mentor.PostJsonAsync(JournalSteps.Contacts(id), new
        {
            contactOn = today, kind = "HomeVisit", withWhom = WithWhom, discussed = Discussed, agreed = "Zij belt zelf de school.", followUpOn = today.AddDays(7),
        }))
        {
            note = await added.ReadAsync<Changed>(HttpStatusCode.Created);
        }

        using (var read = await regie.GetAsync(JournalSteps.Contacts(id)))
        {
            var page = await read.ReadAsync<ContactNotePage>();
            Assert.Equal(2, page.Total);
            Assert.True(page.CanRecord);
            var newest = page.Items[0];
            Assert.Equal(note.Id, newest.Id);
            Assert.Equal(ContactKind.HomeVisit, newest.Kind);
            Assert.Equal(WithWhom, newest.WithWhom);
            Assert.Equal(f.Ids.User(Demo.Mentor), newest.Author.Id);
            Assert.False(string.IsNullOrEmpty(newest.AuthorOrganisation));
            Assert.False(newest.CanCorrect); // Regie did not write it
            Assert.Equal(today.AddDays(-3), page.Items[1].ContactOn);
        }

        using (var paged = await regie.GetAsync(JournalSteps.Contacts(id) + "?page=2&pageSize=1"))
        {
            var page = await paged.ReadAsync<ContactNotePage>();
            Assert.Equal(today.AddDays(-3), Assert.Single(page.Items).ContactOn);
        }

        var task = await f.WithDbAsync(db => db.CareTasks.SingleAsync(t => t.TrajectoryId == id && t.Kind == JournalTaskKinds.ContactFollowUp));
        Assert.Equal(f.Ids.User(Demo.Mentor), task.OwnerId);
        Assert.Equal(today.AddDays(7), task.DueOn);
        Assert.Equal(task.Id, await f.WithDbAsync(db => db.ContactNotes.Where(n => n.Id == note.Id).Select(n => n.FollowUpTaskId).SingleAsync()));

        var events = await f.WithDbAsync(db => db.TimelineEvents.Where(e => e.TrajectoryId == id && e.Kind == JournalTimelineKinds.Contact).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.DoesNotContain("Moeder", e.Summary, StringComparison.Ordinal));
        Assert.All(events, e => Assert.DoesNotContain("weekend", e.Summary, StringComparison.Ordinal));
        Assert.Equal(2, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == JournalAuditActions.ContactRecorded && a.Pseudonym == pseudonym)));
    }

    [SkippableFact]
    public async Task Only_the_author_corrects_her_note_within_24_hours_on_the_version_she_read_and_the_text_before_is_kept()
    {
        var (id, pseudonym, regie, mentor) = await SceneAsync();
        var noteId = await JournalSteps.RecordAsync(mentor, id, f.Clock.Today(), withWhom: "Vader Voorbeeld");
        object Correction(long version, string withWhom = WithWhom) =>
            new { contactOn = f.Clock.Today(), kind = "Phone", withWhom, discussed = Discussed, agreed = (string?)null, version };

        using (var other = await regie.PutJsonAsync($"{JournalSteps.Contacts(id)}/{noteId}", Correction(1)))
        {
            await other.ProblemAsync(HttpStatusCode.Forbidden);
        }

        Changed corrected;
        using (var own = await mentor.PutJsonAsync($"{JournalSteps.Contacts(id)}/{noteId}", Correction(1)))
        {
            corrected = await own.ReadAsync<Changed>();
            Assert.Equal(2, corrected.Version);
        }

        using (var stale = await mentor.PutJsonAsync($"{JournalSteps.Contacts(id)}/{noteId}", Correction(1, "Iemand anders")))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        var revision = await f.WithDbAsync(db => db.ContactNoteRevisions.SingleAsync(r => r.ContactNoteId == noteId));
        Assert.Equal("Vader Voorbeeld", revision.WithWhom);
        Assert.Equal(ContactKind.FaceToFace, revision.Kind);
        var stored = await f.WithDbAsync(db => db.ContactNotes.SingleAsync(n => n.Id == noteId));
        Assert.Equal(WithWhom, stored.WithWhom);
        Assert.NotNull(stored.CorrectedAt);
        Assert.Equal(1, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == JournalAuditActions.ContactCorrected
            && a.Pseudonym == pseudonym && a.Outcome == "allowed")));
        Assert.Equal(1, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == JournalAuditActions.ContactCorrected
            && a.Pseudonym == pseudonym && a.Outcome == "denied")));

        using (var read = await mentor.GetAsync(JournalSteps.Contacts(id)))
        {
            var item = Assert.Single((await read.ReadAsync<ContactNotePage>()).Items);
            Assert.True(item.CanCorrect);
            Assert.Equal(1, item.Corrections);
        }

        // A day and an hour later the note stands as it is: a new note adds to it.
        f.Clock.Advance(TimeSpan.FromHours(25));
        using var late = await (await f.ClientAsync(Demo.Mentor)).PutJsonAsync($"{JournalSteps.Contacts(id)}/{noteId}", Correction(2, "Te laat"));
        Assert.Contains("24", (string?)(await late.ProblemAsync(HttpStatusCode.Conflict))["detail"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Bad_contact_notes_are_refused_with_the_field_and_nothing_is_written()
    {
        var (id, _, regie, _) = await SceneAsync();
        var today = f.Clock.Today();
        async Task<IReadOnlyCollection<string>> RefusedAsync(object body)
        {
            using var response = await regie.PostJsonAsync(JournalSteps.Contacts(id), body);
            return (await response.ProblemAsync(HttpStatusCode.BadRequest)).Fields();
        }

        Assert.Contains("contactOn", await RefusedAsync(new { contactOn = today.AddDays(1), kind = "Phone", withWhom = WithWhom, discussed = Discussed }));
        Assert.Contains("discussed", await RefusedAsync(new { contactOn = today, kind = "Phone", withWhom = WithWhom, discussed = new string('x', ContactNote.TextMaxLength + 1) }));
        Assert.Contains("withWhom", await RefusedAsync(new { contactOn = today, kind = "Phone", withWhom = new string('x', ContactNote.WithWhomMaxLength + 1), discussed = Discussed }));
        var missing = await RefusedAsync(new { });
        Assert.Contains("contactOn", missing);
        Assert.Contains("kind", missing);
        Assert.Contains("withWhom", missing);
        Assert.Contains("discussed", missing);
        Assert.Contains("followUpOn", await RefusedAsync(new { contactOn = today, kind = "Phone", withWhom = WithWhom, discussed = Discussed, followUpOn = today.AddDays(-1) }));
        Assert.Contains("kind", await RefusedAsync(new { contactOn = today, kind = "Telepathy", withWhom = WithWhom, discussed = Discussed }));

        using (var malformed = await regie.PostAsync(JournalSteps.Contacts(id), new StringContent("{\"contactOn\": \"2026-01-0", Encoding.UTF8, "application/json")))
        {
            await malformed.ProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var future = await regie.PostJsonAsync(JournalSteps.Contacts(id), new { contactOn = today.AddDays(1), kind = "Phone", withWhom = WithWhom, discussed = Discussed }))
        {
            var problem = await future.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("toekomst", problem["errors"]!["contactOn"]![0]!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await NotesAsync(id));
        Assert.Equal(0, await f.WithDbAsync(db => db.TimelineEvents.CountAsync(e => e.TrajectoryId == id && e.Kind == JournalTimelineKinds.Contact)));
    }

    [SkippableFact]
    public async Task Outside_her_scope_and_partner_roles_get_404_on_the_journal_and_the_attachments_and_nothing_is_written()
    {
        var (id, _, regie, _) = await SceneAsync();
        var noteId = await JournalSteps.RecordAsync(regie, id, f.Clock.Today());
        var attachmentId = await JournalSteps.UploadAsync(regie, id, JournalSteps.Pdf, "toestemming.pdf", "SignedConsent", "Toestemming");
        var failures = new List<string>();
        foreach (var user in new[] { Demo.Gedrag, Demo.Wijkteam, Demo.AandachtZuid, Demo.Politie, Demo.Kwaliteit, Demo.Admin })
        {
            using var client = await f.ClientAsync(user);
            using var form = JournalSteps.Form(JournalSteps.Png, "foto.png", "Other", "Niet van mij");
            var answers = new (string What, HttpResponseMessage Response)[]
            {
                ("list contacts", await client.GetAsync(JournalSteps.Contacts(id))),
                ("record contact", await client.PostJsonAsync(JournalSteps.Contacts(id), new { contactOn = f.Clock.Today(), kind = "Phone", withWhom = "X", discussed = "Y" })),
                ("correct contact", await client.PutJsonAsync($"{JournalSteps.Contacts(id)}/{noteId}",
                    new { contactOn = f.Clock.Today(), kind = "Phone", withWhom = "X", discussed = "Y", version = 1 })),
                ("list attachments", await client.GetAsync(JournalSteps.Attachments(id))),
                ("upload", await client.PostAsync(JournalSteps.Attachments(id), form)),
                ("download", await client.GetAsync($"{JournalSteps.Attachments(id)}/{attachmentId}/content")),
                ("withdraw", await client.PostJsonAsync($"{JournalSteps.Attachments(id)}/{attachmentId}/withdraw", new { reason = "Dit is niet van mij.", version = 1 })),
            };
            foreach (var (what, response) in answers)
            {
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{user} {what}: {(int)response.StatusCode}");
                }

                response.Dispose();
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(1, await NotesAsync(id));
        Assert.Equal(2, await AttachmentsAsync(id)); // the one attachment and its content
        Assert.Null(await f.WithDbAsync(db => db.Attachments.Where(a => a.Id == attachmentId).Select(a => a.WithdrawnAt).SingleAsync()));
        Assert.Equal(0, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == JournalAuditActions.AttachmentDownloaded && a.Outcome == "allowed"
            && a.EntityId == attachmentId)));
    }

    [SkippableFact]
    public async Task An_attachment_is_stored_encrypted_listed_without_content_and_every_download_is_audited()
    {
        var (id, pseudonym, regie, mentor) = await SceneAsync();
        using var form = JournalSteps.Form(JournalSteps.Pdf, "../../Toestemming ouders; X-Evil=1.exe", "SignedConsent", "Ondertekende toestemming ouders",
            "text/html");
        Changed added;
        using (var response = await mentor.PostAsync(JournalSteps.Attachments(id), form))
        {
            added = await response.ReadAsync<Changed>(HttpStatusCode.Created);
        }

        var raw = await f.WithDbAsync(db => db.AttachmentContents.Where(c => c.AttachmentId == added.Id).Select(c => c.Data).SingleAsync());
        Assert.NotEqual(JournalSteps.Pdf, raw);
        Assert.False(raw.AsSpan().IndexOf("Testtoestemming"u8) >= 0, "the stored bytes contain the plaintext");
        Assert.False(raw.AsSpan().IndexOf("%PDF"u8) >= 0, "the stored bytes contain the PDF signature");

        using (var list = await regie.GetAsync(JournalSteps.Attachments(id)))
        {
            var attachments = await list.ReadAsync<AttachmentList>();
            var item = Assert.Single(attachments.Items);
            Assert.Equal(AttachmentCategory.SignedConsent, item.Category);
            Assert.Equal("application/pdf", item.ContentType); // found from the content, not the client's text/html
            Assert.Equal("Toestemming_ouders_X-Evil1.pdf", item.FileName);
            Assert.Equal(JournalSteps.Pdf.Length, item.Size);
            Assert.True(item.CanWithdraw); // the coordinator may
        }

        for (var i = 0; i < 2; i++)
        {
            using var download = await regie.GetAsync($"{JournalSteps.Attachments(id)}/{added.Id}/content");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(JournalSteps.Pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("Toestemming_ouders_X-Evil1.pdf", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Equal(2, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == JournalAuditActions.AttachmentDownloaded && a.EntityId == added.Id
            && a.Pseudonym == pseudonym && a.Outcome == "allowed" && a.ActorId == f.Ids.User(Demo.Regie))));
        Assert.Equal(1, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == JournalAuditActions.AttachmentUploaded && a.EntityId == added.Id)));
        var timeline = await f.WithDbAsync(db => db.TimelineEvents.SingleAsync(e => e.TrajectoryId == id && e.Kind == JournalTimelineKinds.Attachment));
        Assert.DoesNotContain("Toestemming", timeline.Summary, StringComparison.Ordinal);

        // Through the page too: a download link, no inline image, and the download is audited as well.
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Regie))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var page = await browser.GetAsync($"/trajectories/{id}/attachments"))
        {
            var html = await page.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("Toestemming_ouders_X-Evil1.pdf", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        }

        using (var download = await browser.GetAsync($"/trajectories/{id}/attachments?handler=Download&attachmentId={added.Id}"))
        {
            Assert.Equal(JournalSteps.Pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        }

        Assert.Equal(3, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == JournalAuditActions.AttachmentDownloaded && a.EntityId == added.Id)));
    }

    [SkippableFact]
    public async Task Wrong_type_empty_too_large_and_incomplete_uploads_are_refused_and_nothing_is_stored()
    {
        var (id, _, regie, _) = await SceneAsync();
        async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpContent content)
        {
            using (content)
            {
                using var response = await regie.PostAsync(JournalSteps.Attachments(id), content);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
        }

        // An executable named like a photo and sent as one.
        var disguised = await UploadAsync(JournalSteps.Form("MZ\u0090\0 not a picture"u8.ToArray(), "foto.png", "MissingPersonPhoto", "Foto", "image/png"));
        Assert.Equal(HttpStatusCode.BadRequest, disguised.Status);
        Assert.Contains("\"file\"", disguised.Body, StringComparison.Ordinal);
        Assert.Contains("webp", disguised.Body, StringComparison.Ordinal);

        var empty = await UploadAsync(JournalSteps.Form([], "leeg.pdf", "Other", "Leeg"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("\"file\"", empty.Body, StringComparison.Ordinal);

        var max = new AttachmentOptions().MaxBytes;
        var large = new byte[max + 1];
        JournalSteps.Pdf.CopyTo(large, 0);
        var tooLarge = await UploadAsync(JournalSteps.Form(large, "groot.pdf", "Other", "Te groot"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.Status);
        Assert.Contains("10 MB", tooLarge.Body, StringComparison.Ordinal);

        var far = new byte[max + (1024 * 1024)];
        JournalSteps.Pdf.CopyTo(far, 0);
        var farTooLarge = await UploadAsync(JournalSteps.Form(far, "groter.pdf", "Other", "Veel te groot"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, farTooLarge.Status);

        var noCategory = await UploadAsync(JournalSteps.Form(JournalSteps.Png, "foto.png", null, "Foto"));
        Assert.Equal(HttpStatusCode.BadRequest, noCategory.Status);
        Assert.Contains("\"category\"", noCategory.Body, StringComparison.Ordinal);

        var badCategory = await UploadAsync(JournalSteps.Form(JournalSteps.Png, "foto.png", "Selfie", "Foto"));
        Assert.Contains("\"category\"", badCategory.Body, StringComparison.Ordinal);

        var noFile = await UploadAsync(JournalSteps.Form(null, null, "Other", "Zonder bestand"));
        Assert.Equal(HttpStatusCode.BadRequest, noFile.Status);
        Assert.Contains("\"file\"", noFile.Body, StringComparison.Ordinal);

        var noDescription = await UploadAsync(JournalSteps.Form(JournalSteps.Png, "foto.png", "Other", null));
        Assert.Contains("\"description\"", noDescription.Body, StringComparison.Ordinal);

        var json = await UploadAsync(new StringContent("{\"category\":\"Other\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.Status);
        Assert.Contains("multipart/form-data", json.Body, StringComparison.Ordinal);

        var urlEncoded = await UploadAsync(new FormUrlEncodedContent(new Dictionary<string, string> { ["category"] = "Other", ["description"] = "Geen bestand" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, urlEncoded.Status);

        Assert.Equal(0, await AttachmentsAsync(id));
    }

    [SkippableFact]
    public async Task A_file_the_scanner_refuses_is_a_400_and_nothing_is_stored()
    {
        var (id, _, _, _) = await SceneAsync();
        await using var scanned = f.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<IAttachmentScanner>();
            s.AddSingleton<IAttachmentScanner, RefusingScanner>();
        }));
        using var regie = Api.WithToken(scanned.CreateClient(), await Api.LoginAsync(scanned, Demo.Regie));
        using var form = JournalSteps.Form(JournalSteps.Pdf, "besluit.pdf", "CourtDecision", "Beschikking");
        using var response = await regie.PostAsync(JournalSteps.Attachments(id), form);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("file", problem.Fields());
        Assert.Contains("virusscanner", problem["errors"]!["file"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await AttachmentsAsync(id));
    }

    [SkippableFact]
    public async Task The_uploader_or_the_coordinator_withdraws_an_attachment_with_a_reason_and_its_content_is_removed()
    {
        var (id, pseudonym, regie, mentor) = await SceneAsync();
        var byRegie = await JournalSteps.UploadAsync(regie, id, JournalSteps.Png, "foto.png", "MissingPersonPhoto", "Foto voor de vermissingsmelding");
        var byMentor = await JournalSteps.UploadAsync(mentor, id, JournalSteps.Pdf, "besluit.pdf", "CourtDecision", "Beschikking");

        using (var notHers = await mentor.PostJsonAsync($"{JournalSteps.Attachments(id)}/{byRegie}/withdraw", new { reason = "Verkeerde foto geplaatst.", version = 1 }))
        {
            await notHers.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var shortReason = await mentor.PostJsonAsync($"{JournalSteps.Attachments(id)}/{byMentor}/withdraw", new { reason = "Fout", version = 1 }))
        {
            Assert.Contains("reason", (await shortReason.ProblemAsync(HttpStatusCode.BadRequest)).Fields());
        }

        using (var own = await mentor.PostJsonAsync($"{JournalSteps.Attachments(id)}/{byMentor}/withdraw", new { reason = "Bij de verkeerde jongere geplaatst.", version = 1 }))
        {
            await own.ExpectAsync(HttpStatusCode.OK);
        }

        using (var again = await mentor.PostJsonAsync($"{JournalSteps.Attachments(id)}/{byMentor}/withdraw", new { reason = "Bij de verkeerde jongere geplaatst.", version = 1 }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict); // an old version
        }

        using (var coordinator = await regie.PostJsonAsync($"{JournalSteps.Attachments(id)}/{byRegie}/withdraw", new { reason = "Ze is terecht, foto niet meer nodig.", version = 1 }))
        {
            await coordinator.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Equal(0, await f.WithDbAsync(db => db.AttachmentContents.CountAsync(c => c.AttachmentId == byMentor || c.AttachmentId == byRegie)));
        using (var gone = await regie.GetAsync($"{JournalSteps.Attachments(id)}/{byMentor}/content"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        using (var list = await regie.GetAsync(JournalSteps.Attachments(id)))
        {
            var items = (await list.ReadAsync<AttachmentList>()).Items;
            Assert.Equal(2, items.Count);
            Assert.All(items, a => Assert.NotNull(a.WithdrawnAt));
            Assert.Contains(items, a => a.WithdrawnReason == "Bij de verkeerde jongere geplaatst." && a.WithdrawnBy!.Id == f.Ids.User(Demo.Mentor));
        }

        Assert.Equal(2, await f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == JournalAuditActions.AttachmentWithdrawn && a.Pseudonym == pseudonym
            && a.Outcome == "allowed")));
    }

    [SkippableFact]
    public async Task The_contact_journal_page_shows_the_notes_newest_first_and_its_form_adds_one()
    {
        var (id, _, regie, _) = await SceneAsync();
        await JournalSteps.RecordAsync(regie, id, f.Clock.Today().AddDays(-10), withWhom: "Oudere notitie");
        using var browser = f.CreateClient();
        using (var login = await Browser.LoginAsync(browser, Demo.Mentor))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var url = $"/trajectories/{id}/contacts";
        using (var posted = await Browser.SubmitAsync(browser, url, new Dictionary<string, string>
        {
            ["Contact.ContactOn"] = f.Clock.Today().ToString("yyyy-MM-dd"), ["Contact.Kind"] = "Video", ["Contact.WithWhom"] = "Nieuwe notitie",
            ["Contact.Discussed"] = "Het contact met de nieuwe school.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal(url, posted.Headers.Location?.OriginalString);
        }

        using (var future = await Browser.SubmitAsync(browser, url, new Dictionary<string, string>
        {
            ["Contact.ContactOn"] = f.Clock.Today().AddDays(2).ToString("yyyy-MM-dd"), ["Contact.Kind"] = "Video", ["Contact.WithWhom"] = "Toekomst",
            ["Contact.Discussed"] = "Kan niet.",
        }))
        {
            var html = await future.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("De datum van een contact kan niet in de toekomst liggen.", html, StringComparison.Ordinal);
        }

        using var page = await browser.GetAsync(url);
        var body = await page.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Contactjournaal", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf("Nieuwe notitie", StringComparison.Ordinal) < body.IndexOf("Oudere notitie", StringComparison.Ordinal));
        Assert.Contains("aria-current=\"page\"", body, StringComparison.Ordinal);
        Assert.Equal(2, await NotesAsync(id));
    }

    private sealed class RefusingScanner : IAttachmentScanner
    {
        public Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken ct) =>
            Task.FromResult(ScanVerdict.Rejected("test signature"));
    }
}

public sealed class JournalSqlite(SqliteFixture f) : JournalTests(f), IClassFixture<SqliteFixture>;

public sealed class JournalPostgres(PostgresFixture f) : JournalTests(f), IClassFixture<PostgresFixture>;
