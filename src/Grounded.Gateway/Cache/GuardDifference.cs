namespace Grounded.Gateway.Cache;

/// <summary>Why the paraphrase guard thinks two texts mean different things.</summary>
/// <param name="Rule">The rule that found the difference: numbers, negation, name, order, opposite, question or changed.</param>
/// <param name="Detail">What differed, quoted from the texts.</param>
internal readonly record struct GuardDifference(string Rule, string Detail);
