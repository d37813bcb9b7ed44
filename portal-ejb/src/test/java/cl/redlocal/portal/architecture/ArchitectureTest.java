package cl.redlocal.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep portal-ejb a set of features with rich entities: no Faces in the service tier, an
 * entity's state changes only through its own methods, and a feature changes another feature's entities
 * only by asking that feature (its boundary or control), never by setting their fields.
 */
class ArchitectureTest {

    private static JavaClasses portal;

    @BeforeAll
    static void importPortal() {
        portal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cl.redlocal.portal");
    }

    @Test
    void theServiceTierKnowsNothingOfFaces() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..", "org.primefaces..",
                        "org.omnifaces..")
                .because("portal-ejb serves pages, REST and timers alike; Faces belongs to portal-web")
                .check(portal);
    }

    @Test
    void entitiesHaveNoPublicSetters() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Entity.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(Embeddable.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(MappedSuperclass.class)
                .and().haveNameMatching("set[A-Z].*")
                .should().notBePublic()
                .because("an entity changes state through its transitions (accept, close, exit...), which keep its invariants")
                .allowEmptyShould(true)
                .check(portal);
    }

    @Test
    void noFeatureSetsAnotherFeaturesEntities() {
        noClasses().should(callSettersOfAnotherFeaturesEntities())
                .because("a table's state is changed by the feature that owns it")
                .check(portal);
    }

    @Test
    void entitiesDoNotCallBoundaries() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .because("an entity keeps its own invariants; transactions, roles and audit are the boundary's")
                .check(portal);
    }

    private static ArchCondition<JavaClass> callSettersOfAnotherFeaturesEntities() {
        return new ArchCondition<>("call a setter of another feature's entity") {
            @Override
            public void check(JavaClass caller, ConditionEvents events) {
                String feature = Features.of(caller.getPackageName());
                for (JavaMethodCall call : caller.getMethodCallsFromSelf()) {
                    JavaClass owner = call.getTargetOwner();
                    boolean entity = owner.isAnnotatedWith(Entity.class) || owner.isAnnotatedWith(Embeddable.class);
                    if (entity && call.getName().startsWith("set")
                            && !Features.of(owner.getPackageName()).equals(feature)) {
                        events.add(SimpleConditionEvent.satisfied(caller, call.getDescription()));
                    }
                }
            }
        };
    }
}
