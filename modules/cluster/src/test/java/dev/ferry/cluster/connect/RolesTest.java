package dev.ferry.cluster.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The source role can only read, by construction: these tests fail if anyone adds a way to write. */
class RolesTest {

    private static final Set<String> WRITES = Set.of("apply", "replace", "create", "delete", "patch", "update",
            "edit", "serverSideApply", "createOrReplace");

    private static Set<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getDeclaringClass() != Object.class)
                .map(Method::getName).filter(name -> !name.equals("toString")).collect(Collectors.toSet());
    }

    @Test
    void theSourceTypeHasNoWriteMethodAtAll() {
        assertThat(publicMethods(SourceCluster.class))
                .containsExactlyInAnyOrder("info", "discover", "list", "get", "typeOf", "close")
                .doesNotContainAnyElementsOf(WRITES);
        assertThat(publicMethods(ClusterReader.class)).doesNotContainAnyElementsOf(WRITES);
    }

    @Test
    void theTargetTypeWrites() {
        assertThat(publicMethods(TargetCluster.class)).contains("apply", "replace", "create", "delete");
    }

    @Test
    void neitherRoleHandsOutItsClient() {
        for (Class<?> role : new Class<?>[] {SourceCluster.class, TargetCluster.class}) {
            for (Method method : role.getMethods()) {
                assertThat(method.getReturnType().getName()).doesNotStartWith("io.fabric8")
                        .isNotEqualTo(KubeApi.class.getName());
            }
            for (Field field : role.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    continue; // constants such as the field manager's name
                }
                assertThat(Modifier.isPrivate(field.getModifiers())).as(field.getName()).isTrue();
            }
            assertThat(role.getConstructors()).as("no public constructor").isEmpty();
            assertThat(Modifier.isFinal(role.getModifiers())).isTrue();
        }
        assertThat(TargetCluster.class.isAssignableFrom(SourceCluster.class)).isFalse();
        assertThat(SourceCluster.class.isAssignableFrom(TargetCluster.class)).isFalse();
    }
}
