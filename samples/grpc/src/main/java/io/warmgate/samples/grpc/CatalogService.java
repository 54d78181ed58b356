package io.warmgate.samples.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleResponse;

/**
 * The business side: {@value #SERVICE}/{@value #ITEM_METHOD_NAME}, a unary method whose request is an item id as
 * text and whose answer is the item as JSON, served by the samples' shared cold catalog (slow on each item's first
 * request, and slower on demand through {@code sample.slow-file}, as in every sample).
 */
final class CatalogService {

    static final String SERVICE = "warmgate.sample.Catalog";
    static final String ITEM_METHOD_NAME = "Item";

    static final MethodDescriptor<String, String> ITEM = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, ITEM_METHOD_NAME))
            .setRequestMarshaller(Utf8Marshaller.INSTANCE)
            .setResponseMarshaller(Utf8Marshaller.INSTANCE)
            .build();

    private final SampleBackend backend;

    CatalogService(SampleBackend backend) {
        this.backend = backend;
    }

    ServerServiceDefinition definition() {
        return ServerServiceDefinition.builder(SERVICE)
                .addMethod(ITEM, ServerCalls.asyncUnaryCall(this::item))
                .build();
    }

    private void item(String id, StreamObserver<String> answer) {
        SampleResponse response = backend.items(id.isBlank() ? null : id.trim(), false);
        if (response.status() == 200) {
            answer.onNext(response.body());
            answer.onCompleted();
        } else {
            answer.onError(Status.INVALID_ARGUMENT.withDescription(response.body().trim()).asRuntimeException());
        }
    }
}
