package cl.redlocal.portal.alert.control;

/**
 * Case data that alert rules read changed in a comuna (a referral answered, an admission, a waiting-list
 * exit, a plan action saved, a family session logged, a manual alert raised): once the change commits,
 * the comuna's rules run again so an alert is raised, or resolves itself, without waiting for the hourly run.
 */
public record RulesDue(long comunaId) {
}
