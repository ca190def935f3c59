package org.broadsheet.render;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What templates may see of Java objects: the components of our view records, and nothing else. No
 * getClass, no hashCode, no constructors, no fields, so a theme cannot climb from its data into the JVM.
 * Strings, numbers, lists and maps are wrapped by FreeMarker as plain values and never reach this policy.
 */
final class ViewAccessPolicy implements MemberAccessPolicy {
    static final String VIEW_PACKAGE = "org.broadsheet.render.view";

    @Override
    public ClassMemberAccessPolicy forClass(Class<?> type) {
        if (!type.isRecord() || !type.getPackageName().equals(VIEW_PACKAGE)) {
            return Nothing.INSTANCE;
        }
        Set<String> accessors = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
        return new ClassMemberAccessPolicy() {
            @Override
            public boolean isMethodExposed(Method method) {
                return method.getParameterCount() == 0 && method.getDeclaringClass() == type
                        && accessors.contains(method.getName());
            }

            @Override
            public boolean isConstructorExposed(Constructor<?> constructor) {
                return false;
            }

            @Override
            public boolean isFieldExposed(Field field) {
                return false;
            }
        };
    }

    @Override
    public boolean isToStringAlwaysExposed() {
        return false;
    }

    private enum Nothing implements ClassMemberAccessPolicy {
        INSTANCE;

        @Override
        public boolean isMethodExposed(Method method) {
            return false;
        }

        @Override
        public boolean isConstructorExposed(Constructor<?> constructor) {
            return false;
        }

        @Override
        public boolean isFieldExposed(Field field) {
            return false;
        }
    }
}
