using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.ReportingCode;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The reporting code's weighing framework for one trajectory: earlier weighings and a form for a new one.</summary>
internal sealed class ReportingCodeModel(ReportingCodeDecisions decisions, TrajectoryQueries queries) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public IReadOnlyList<ReportingCodeView> Weighings { get; private set; } = [];

    [BindProperty]
    public List<AnswerInput> Answers { get; set; } = [];

    internal sealed class AnswerInput
    {
        /// <summary>"yes", "no" or empty.</summary>
        public string? Answer { get; set; }
        public string? Explanation { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var answers = Answers.Take(ReportingCodeFramework.Questions)
            .Select(a => (ReportingCodeAnswer?)new ReportingCodeAnswer(a.Answer switch { "yes" => true, "no" => false, _ => null }, a.Explanation))
            .ToList();
        var result = await decisions.RecordAsync(await ActorAsync(), Id, new RecordReportingCodeRequest(answers), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/reporting-code");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, "Answers");
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    /// <summary>Messages for question i, whichever part of it they are about.</summary>
    public string QuestionErrors(int i) => string.Join(" ",
        new[] { Errors($"Answers.Answers[{i}].answer"), Errors($"Answers.Answers[{i}].explanation") }.Where(e => e.Length > 0));

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        var list = await decisions.ListAsync(actor, Id, HttpContext.RequestAborted);
        if (!list.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Weighings = list.Value;
        while (Answers.Count < ReportingCodeFramework.Questions)
        {
            Answers.Add(new AnswerInput());
        }

        return null;
    }
}
