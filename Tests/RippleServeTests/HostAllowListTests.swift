import Testing
@testable import RippleServe

/// Which `Host` values the preview answers to (issue 23, item 15): a DNS-rebinding page sends its own name.
@Suite struct HostAllowListTests {
    @Test func onLoopbackOnlyLoopbackNamesWithAnyPort() {
        let hosts = HostAllowList(listenHost: "127.0.0.1", machineName: "laptop")
        for allowed in ["localhost", "Localhost:8080", "127.0.0.1", "127.0.0.1:1", "[::1]", "[::1]:8080"] {
            #expect(hosts.allows(allowed), "\(allowed)")
        }
        for refused in ["attacker.example", "attacker.example:8080", "laptop", "localhost.attacker.example", "127.0.0.1.nip.io",
                        "192.168.1.5", "localhost:", "localhost:80:80", "localhost:abc", "[::1", "[::1]x", "", "::1"] {
            #expect(!hosts.allows(refused), "\(refused)")
        }
        #expect(hosts.allows("localhost") == HostAllowList(listenHost: "::1", machineName: "laptop").allows("localhost"))
        #expect(!HostAllowList(listenHost: "localhost", machineName: "laptop").allows("laptop"))
        let other = HostAllowList(listenHost: "127.0.0.2", machineName: "laptop")
        #expect(other.allows("127.0.0.2:8080"))
        #expect(!other.allows("laptop"))
    }

    @Test func anotherAddressAddsItselfAndTheMachineName() {
        let hosts = HostAllowList(listenHost: "192.168.1.5", machineName: "Laptop")
        for allowed in ["192.168.1.5", "192.168.1.5:8080", "laptop", "laptop.local:8080", "localhost:8080"] {
            #expect(hosts.allows(allowed), "\(allowed)")
        }
        for refused in ["192.168.1.6", "attacker.example", "laptop.attacker.example"] {
            #expect(!hosts.allows(refused), "\(refused)")
        }
        #expect(HostAllowList(listenHost: "fe80::1", machineName: "laptop").allows("[fe80::1]:8080"))
    }

    @Test func everyInterfaceAcceptsAnyAddressButNoOtherName() {
        let hosts = HostAllowList(listenHost: "0.0.0.0", machineName: "laptop")
        for allowed in ["10.0.0.7:8080", "[fe80::2]", "laptop", "localhost"] {
            #expect(hosts.allows(allowed), "\(allowed)")
        }
        #expect(!hosts.allows("attacker.example"))
        #expect(!hosts.allows("10.0.0.999"))
    }

    @Test func theRefusalIsShortPlainText() {
        let response = HostAllowList(listenHost: "127.0.0.1", machineName: "laptop").refusal
        #expect(response.status == 421)
        #expect(response["Content-Type"] == "text/plain; charset=utf-8")
        guard case .bytes(let body) = response.body else { Issue.record("not bytes"); return }
        #expect(String(decoding: body, as: UTF8.self) == "This preview answers only to 127.0.0.1, [::1], localhost.\n")
    }
}
