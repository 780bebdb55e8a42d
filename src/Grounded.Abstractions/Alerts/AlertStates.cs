namespace Grounded.Alerts;

/// <summary>The states an alert rule can be in.</summary>
public static class AlertStates
{
    /// <summary>The rule's condition holds.</summary>
    public const string Firing = "firing";

    /// <summary>The rule's condition does not hold (or there is too little data to say).</summary>
    public const string Ok = "ok";
}
