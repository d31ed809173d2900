using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Caseload;

namespace Traject.Web.Pages;

/// <summary>My tasks: the open tasks I own over all my young people, filtered on when they are due and sorted.</summary>
internal sealed class TasksModel(MyTasks tasks) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Actor Me { get; private set; } = null!;
    public MyTasksPage? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Me = await ActorAsync();
        if (!Me.HasCareRole)
        {
            return Page();
        }

        var result = await tasks.ListAsync(Me, Due, Sort, Math.Max(1, PageNumber), 50, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return Fail(result.Error!, Page);
        }

        Result = result.Value;
        return Page();
    }
}
