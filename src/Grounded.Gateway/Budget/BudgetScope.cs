namespace Grounded.Gateway.Budget;

/// <summary>Whose spending a budget limits.</summary>
public enum BudgetScope
{
    /// <summary>A tenant: every key of the tenant together (requests without keys belong to the <c>default</c> tenant).</summary>
    Tenant,

    /// <summary>An API key, by its id (<c>local</c> for the CLI).</summary>
    Key,

    /// <summary>An end user, as the request names them in OpenAI's <c>user</c> field; requests that name none are not limited by user budgets.</summary>
    User,
}
