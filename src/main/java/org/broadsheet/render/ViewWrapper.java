package org.broadsheet.render;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleCollection;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FreeMarker's default wrapper, except for our view records: a template sees each as a hash of its
 * components, read through method handles made once per record type. FreeMarker's own bean model looks each
 * name up in its introspection maps and calls the accessor by reflection, which under C1 asks for its
 * caller's class every time. Cold builds of 10,000 articles (C1) spent about 8% less user CPU with this
 * wrapper, and of 100,000 (C2) about 3% less (bench/README.md, "View records without FreeMarker's bean
 * model").
 *
 * <p>What a template may reach is unchanged: the components of records in {@link ViewAccessPolicy#VIEW_PACKAGE},
 * nothing else; any other object goes to the default wrapper and its {@link ViewAccessPolicy}. A view is no
 * scalar and no method, so {@code ${view}} and {@code view.title()} fail as {@code view.getClass()} does.
 */
final class ViewWrapper extends DefaultObjectWrapper {
    private final ClassValue<Components> components = new ClassValue<>() {
        @Override
        protected Components computeValue(Class<?> type) {
            return Components.of(type);
        }
    };

    ViewWrapper() {
        super(configuration(), true);
    }

    private static DefaultObjectWrapperBuilder configuration() {
        DefaultObjectWrapperBuilder builder = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        builder.setMemberAccessPolicy(new ViewAccessPolicy());
        return builder;
    }

    @Override
    public TemplateModel wrap(Object object) throws TemplateModelException {
        if (object instanceof Record record) {
            Components of = components.get(record.getClass());
            if (of != Components.NONE) {
                return new View(record, of, this);
            }
        }
        return super.wrap(object);
    }

    /** A view record type's component names and accessors, in declaration order; {@link #NONE} for other types. */
    private record Components(Map<String, Integer> index, List<String> names, MethodHandle[] accessors) {
        static final Components NONE = new Components(Map.of(), List.of(), new MethodHandle[0]);

        static Components of(Class<?> type) {
            if (!type.isRecord() || !type.getPackageName().equals(ViewAccessPolicy.VIEW_PACKAGE)) {
                return NONE;
            }
            RecordComponent[] parts = type.getRecordComponents();
            Map<String, Integer> index = new HashMap<>();
            List<String> names = new ArrayList<>();
            MethodHandle[] accessors = new MethodHandle[parts.length];
            for (int i = 0; i < parts.length; i++) {
                index.put(parts[i].getName(), i);
                names.add(parts[i].getName());
                try {
                    accessors[i] = MethodHandles.publicLookup().unreflect(parts[i].getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("view record " + type.getName() + " is not public", e);
                }
            }
            return new Components(Map.copyOf(index), List.copyOf(names), accessors);
        }

        Object value(Record record, int component) throws TemplateModelException {
            try {
                return accessors[component].invokeExact((Object) record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new TemplateModelException(e);
            }
        }
    }

    /** One view record as a template sees it. */
    private record View(Record record, Components components, ViewWrapper wrapper) implements TemplateHashModelEx {
        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            Integer component = components.index().get(key);
            return component == null ? null : wrapper.wrap(components.value(record, component));
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public int size() {
            return components.names().size();
        }

        @Override
        public TemplateCollectionModel keys() {
            return new SimpleCollection(components.names(), wrapper);
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < components.names().size(); i++) {
                values.add(components.value(record, i));
            }
            return new SimpleCollection(values, wrapper);
        }
    }
}
