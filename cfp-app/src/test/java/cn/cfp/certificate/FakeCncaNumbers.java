package cn.cfp.certificate;

import cn.cfp.numbering.CertificateNumbers;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the numbering module in tests, until it is merged: records the request (REQUESTED) and holds the number
 * back until the test enters the one "CNCA confirmed" (CONFIRMED) — so issue can be tried before and after.
 */
final class FakeCncaNumbers implements CertificateNumbers {

    final Map<Long, NumberRequest> requests = new ConcurrentHashMap<>();
    private final Map<Long, String> confirmed = new ConcurrentHashMap<>();

    @Override
    public NumberView prepare(NumberRequest request) {
        requests.putIfAbsent(request.applicationId(), request);
        return of(request.applicationId());
    }

    void confirm(long applicationId, String number) {
        confirmed.put(applicationId, number);
    }

    @Override
    public NumberView of(long applicationId) {
        String n = confirmed.get(applicationId);
        State s = n != null ? State.CONFIRMED : requests.containsKey(applicationId) ? State.REQUESTED : State.NONE;
        return new NumberView(applicationId, s, n, requests.containsKey(applicationId) ? "P-" + applicationId : null);
    }

    @Override
    public Optional<String> number(long applicationId) {
        return Optional.ofNullable(confirmed.get(applicationId));
    }
}
