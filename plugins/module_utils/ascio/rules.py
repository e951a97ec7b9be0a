# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Ascio's domain rules, with their sources: a copy of docs/reference/ascio-rules.json.

Modules cannot read docs/ at run time, so the client keeps this copy;
tests/unit/plugins/module_utils/ascio/test_rules.py checks that it equals the JSON. The named constants
below are read from it, so that code never restates a rule.
"""

import re

RULES = {'note': 'Ascio AWS v2 domain rules as Ascio documents them and its own clients apply them. The client keeps a copy in '
                 'plugins/module_utils/ascio/rules.py (tests/unit/plugins/module_utils/ascio/test_rules.py checks they are equal); '
                 'the sandbox reads this file itself.',
         'lock_status_tokens': {'value': {'TransferLock': 'TRANSFER_LOCK', 'DeleteLock': 'DELETE_LOCK', 'UpdateLock': 'UPDATE_LOCK'},
                                'separator': ', ',
                                'reading': "a lock is on when the Domain's lock element says Lock OR its Status carries the token; both are written when the "
                                           'sandbox answers',
                                'sources': ["rendermani/ascio-framework src/lib/v2/Locks.php (Lock(domain, 'TransferLock', 'TRANSFER_LOCK'), ... ; the "
                                            'current lock is read with strpos(Status, token))',
                                            "http://aws.ascio.info/domains-api-v2/php5/domain-status.html ('There are several status codes for domains. "
                                            "These may be combined.'; 'UPDATE_LOCK The domain can't be updated ... This can be combined with all status "
                                            "codes above.'; 'DELETE_LOCK'; combinations written as 'EXPIRING, PENDING_VERIFICATION')",
                                            "rendermani/ascio-whmcs-plugin lib/Request.php (hasStatus: strpos(Status, strtoupper(word)); 'lock' counted as "
                                            'an active domain)']},
         'deleted_status': {'value': 'DELETED',
                            'criteria_value': 'deleted',
                            'sources': ["rendermani/ascio-whmcs-plugin lib/Request.php (searchDomain sends 'Withoutstates' => ['string' => 'deleted']; "
                                        "getDomainStatus: hasStatus(domain, 'deleted') -> Cancelled)",
                                        'rendermani/ascio-php-examples aws-v2/searchdomain.php and rendermani/ascio-perl-examples searchdomain.pl (Withstates '
                                        "strings 'active', 'deleted', lower case)"],
                            'decision': "Withoutstates carries 'deleted' in lower case, as every public client sends it; a domain's Status reads upper case "
                                        '(aws.ascio.info domain-status page), and the client also drops a DELETED domain from a search answer itself, so a '
                                        'service that matched the criteria case-sensitively would not make a deleted twin look live'},
         'no_date': {'value': '0001-01-01T00:00:00',
                     'meaning': 'the .NET default DateTime: no date, never an expiry',
                     'sources': ["rendermani/ascio-whmcs-plugin lib/Request.php (setStatus: ExpDate != '0001-01-01T00:00:00'; formatDate returns false for "
                                 'it)']},
         'order_statuses': {'final': ['Completed', 'Failed', 'Invalid'],
                            'failed': ['Failed', 'Invalid'],
                            'conflict': {'status': 'Authentication_Failed',
                                         'sources': ['docs/reference/ascio-v2-types.json enums.OrderStatusType lists Authentication_Failed',
                                                     'rendermani/ascio-whmcs-plugin core/lib/OrderStatus.php isTerminal: Completed, Failed, Invalid only',
                                                     'https://aws.ascio.info/domains-api-v2/php5-stub/order-status.html (Completed, Failed, Invalid end an '
                                                     'order; Authentication_Failed not listed)'],
                                         'decision': 'Authentication_Failed ends the order as failed for this client: nothing moves such an order on (the '
                                                     'sandbox ends a wrong-AuthInfo transfer there), a transfer is charged only when it completes, and the '
                                                     'task must fail so that the user corrects the auth code; a later run then sends a new Transfer_Domain '
                                                     'with the new code. Every other non-final status, NotSet included, counts as pending.'},
                            'pending': 'every OrderStatusType not final, NotSet included',
                            'sources': ['rendermani/ascio-whmcs-plugin core/lib/OrderStatus.php (isTerminal)',
                                        "rendermani/ascio-whmcs-plugin lib/Request.php (setOrderStatus: pending when Status contains 'Pending' or 'NotSet')",
                                        'docs/reference/ascio-v2-types.json enums.OrderStatusType'],
                            'final_for_this_client': ['Completed', 'Failed', 'Invalid', 'Authentication_Failed'],
                            'failed_for_this_client': ['Failed', 'Invalid', 'Authentication_Failed']},
         'gtld': {'rule': 'the last label of the name: two ASCII letters -> ccTLD; an IDN label (xn--) -> ccTLD unless listed in idn_gtlds; everything else '
                          '-> gTLD',
                  'idn_gtlds': [],
                  'conflict': 'rendermani/ascio-whmcs-plugin lib/Tools.php isIcannTld counts every TLD longer than 2 characters as ICANN, IDN ccTLDs '
                              '(xn--p1ai) included. Safer here: an xn-- TLD is a ccTLD (a Registrant_Details_Update, which Ascio refuses rather than bills '
                              'when it should have been an Owner_Change); list an IDN gTLD in idn_gtlds to override.',
                  'sources': ['rendermani/ascio-whmcs-plugin lib/Tools.php (isIcannTld: strlen(tld) > 2)',
                              'https://kb.easydns.com/knowledge/icann-transfer-policy/ (the policy applies to gTLDs, not to ccTLDs)']},
         'registrant_identity': {'all_tlds': ['FirstName', 'LastName', 'OrgName', 'RegistrantNumber'],
                                 'gtld_adds': ['Email'],
                                 'rule': 'a registrant change touching one of these is an Owner_Change, otherwise a Registrant_Details_Update',
                                 'sources': ["/work/shared/seeds/000_897ccb7d1bccf6d3.txt (Registrant_Details_Update: 'Don't change: FirstName, LastName, "
                                             "OrgName, RegistrantNumber')",
                                             "https://ascio.com/blog/changes-to-the-inter-registrar-transfer-policy ('Change of Registrant' = a material "
                                             "change to the registrant's name, organisation or e-mail address; ICANN Transfer Policy in force since "
                                             '2016-12-01)',
                                             'rendermani/ascio-whmcs-plugin lib/Tools.php (compareRegistrant: Name, OrgName or RegistrantNumber differ -> '
                                             'Owner_Change, else Registrant_Details_Update)']},
         'nameserver_slots': {'slots': 13,
                              'rule': 'a Nameserver_Update sends every slot NameServer1..NameServer13; a slot that no longer holds a server goes with an '
                                      'empty HostName, which removes the server there; a slot left out keeps what it holds',
                              'sources': ['rendermani/ascio-whmcs-plugin lib/Request.php (mapToNameservers always sends NameServer1..NameServer4 with '
                                          'HostName, empty when the server was removed)',
                                          'docs/reference/ascio-v2-types.json types.NameServers (NameServer1..NameServer13)']},
         'lock_blocks_order': {'UpdateLock': {'blocks': 'every order on an existing domain except Change_Locks',
                                              'sources': ["/work/shared/seeds/000_897ccb7d1bccf6d3.txt (Change_Locks: 'UpdateLock: The domain can't be "
                                                          "updated.')",
                                                          "https://aws.ascio.info/api-v3/soap/createorder-change-locks ('UpdateLock: Nothing can be "
                                                          "changed.')",
                                                          'rendermani/ascio-framework src/lib/v2/Locks.php (setOrderType: UpdateLock released for every '
                                                          'order type but Register_Domain, Queue_Domain, DeQueue)']},
                               'DeleteLock': {'blocks': ['Delete_Domain', 'Expire_Domain'],
                                              'sources': ["https://aws.ascio.info/api-v3/soap/createorder-change-locks ('DeleteLock: The domain can't be "
                                                          "deleted/expired.')",
                                                          'rendermani/ascio-framework src/lib/v2/Locks.php (Expire_Domain, Transfer_Away, Delete_Domain '
                                                          'release UpdateLock and DeleteLock)']},
                               'TransferLock': {'blocks': ['Transfer_Domain'],
                                                'sources': ["/work/shared/seeds/000_897ccb7d1bccf6d3.txt (Change_Locks: 'TransferLock: The domain can't be "
                                                            "transfered.')"]},
                               'refusal': {'ResultCode': 400,
                                           'Message': 'Order not validated',
                                           'note': "the reasons go in Values; Ascio's own wording of the lock reason is not in the reference, the sandbox's "
                                                   'names the lock',
                                           'sources': ['/work/shared/seeds/000_897ccb7d1bccf6d3.txt (CreateOrder response codes: 400 Order not validated, '
                                                       'Messages)']}},
         'lock_release': {'release_for': {'Delete_Domain': ['UpdateLock', 'DeleteLock'],
                                          'Expire_Domain': ['UpdateLock', 'DeleteLock'],
                                          'default': ['UpdateLock']},
                          'no_release': ['Change_Locks', 'Register_Domain', 'Transfer_Domain', 'Restore_Domain'],
                          'restore': ['UpdateLock'],
                          'order': 'UpdateLock is released in a Change_Locks of its own before the others, and restored last',
                          'rule': 'a lock the task does not itself declare is released with Change_Locks before the order it blocks; only the UpdateLock is '
                                  'put back afterwards (a DeleteLock or TransferLock put back would undo an Expire_Domain or block a later transfer). A lock '
                                  'the task declares keeps the declared value.',
                          'sources': ["rendermani/ascio-framework src/lib/v2/Locks.php (setOrderType: unlock orders per order type; '// DeleteLock and "
                                      "TransferLock should not be restored'; createLockOrders only for UpdateLock that was auto-unlocked; getMergedOrders: "
                                      'UpdateLock order first, reversed when locking)',
                                      'rendermani/ascio-framework sandbox/lock-domain.php (setUpdateLock(Unlock), setDeleteLock(Unlock), update())']},
         'dnssec': {'order_type': 'Nameserver_Update',
                    'slots': 5,
                    'rule': 'DS/DNSKEY records are DnsSecKey objects: each new one is created with CreateDnsSecKey (a request, not an order: its '
                            'answer carries the DnsSecKey with its Handle), then a Nameserver_Update references them by Handle from '
                            'Domain.DnsSecKeys (DnsSecKey1..DnsSecKey5); every slot is sent, a slot that no longer holds a key goes with an empty '
                            "Handle, which removes the key there (the collection's reading, as for name server slots: no public source says how a "
                            'key is removed)',
                    'elements': {'KeyTag': 'key_tag (decimal text)',
                                 'DigestAlgorithm': 'algorithm (decimal text)',
                                 'DigestType': 'digest_type as its IANA mnemonic (SHA-1, SHA-256, SHA-384)',
                                 'Digest': 'digest (hex)',
                                 'KeyType': 'flags (decimal text: 256, 257)',
                                 'Protocol': 'protocol (decimal text: 3)',
                                 'KeyAlgorithm': 'algorithm (decimal text)',
                                 'PublicKey': 'public_key (Base64)'},
                    'digest_type_names': {'1': 'SHA-1', '2': 'SHA-256', '4': 'SHA-384'},
                    'read_algorithm_names': {'RSA-SHA256': 8},
                    'conflict': {'question': 'which order type carries a change of DnsSecKeys',
                                 'found': 'ascio-framework sends DnsSecKeys changes in a Nameserver_Update (with name server changes, in one order); '
                                          'no public source names a DNSSEC order type, and OrderType (docs/reference/ascio-v2-types.json '
                                          'enums.OrderType) has none (no DnsSec_Update); Domain_Details_Update cannot change linked objects',
                                 'decision': "Nameserver_Update, the order type Ascio's own framework uses and the enumeration has; when name "
                                             'servers and DNSSEC records change together, one Nameserver_Update carries both',
                                 'value_formats': "Ascio documents no value formats for DnsSecKey: DigestType is written as in Ascio's PHP example "
                                                  '(SHA-256); the numbers are decimal text, as an export of Ascio DnsSecKey data reads them back '
                                                  '(::INT casts of KeyType, Protocol, KeyAlgorithm); on reading, a DigestType or algorithm given as '
                                                  'a number or as these names is accepted'},
                    'sources': ['rendermani/ascio-framework src/lib/v2/DomainUpdates.php (getOrderTypes: if($changed->Nameservers || '
                                '$changed->DnsSec) -> Nameserver_Update)',
                                'rendermani/ascio-framework tests/lib/DomainTest.php (testDnsSec: a DnsSecKey1 change gives one order, '
                                'OrderType::Nameserver_Update)',
                                '/work/shared/seeds/000_897ccb7d1bccf6d3.txt (CreateOrder example: Domain.DnsSecKeys with DnsSecKey1..DnsSecKey5, '
                                "each {Handle}; Domain_Details_Update: 'Linked handles like Contacts, Nameservers and other Objects can't be "
                                "modified with this command')",
                                "rendermani/ascio-php-examples (DnsSecKey example: setDigestAlgorithm('RSA-SHA256'), setDigestType('SHA-256'), "
                                "setDigest(64 hex), setKeyTag('2224'), placed in DnsSecKeys.DnsSecKey1)",
                                'docs/reference/ascio-v2-types.json (operations CreateDnsSecKey {dnsSecKey}, GetDnsSecKey {dnsSecKeyHandle}, '
                                'SearchDnsSecKey {criteria}; types DnsSecKey, DnsSecKeys DnsSecKey1..5)']}}

# Privacy/proxy and the agreed price of premium orders (ascio-rules.json, with sources).
RULES['agreed_price'] = {
    'element': 'Order.AgreedPrice',
    'order_types': ['Register_Domain', 'Transfer_Domain', 'Renew_Domain', 'Restore_Domain'],
    'rule': "a premium domain is ordered with its price in the order (AgreedPrice, an integer amount in the account's currency); this"
            " client sends the task's max_price there. Ascio's pages say the price must be added to the order; what Ascio does with "
            "an AgreedPrice below the registry's price is not stated in the sources found: the sandbox refuses the order as not "
            'validated (ResultCode 400, nothing done), the reading under which the agreed price is the most the partner pays.',
    'sources': ['https://aws.ascio.info/domains-api-v2/soap/availabilityinfo (AvailabilityInfo returns Price and DomainType '
                "Premium/Reserved/Normal; 'To order the premium domain, the price needs to be added to the Register/Transfer order "
                "object')",
                'seed 000 CreateOrder example (order AgreedPrice: 5000)',
                'docs/reference/ascio-v2-type-additions.json (Order AgreedPrice int, with the conflict it settles)'],
    'price_decimals': 0,
    'price_decimals_decision': 'AgreedPrice is an xsd:int, so a max_price with a fraction cannot be sent: it is refused before any request instead of '
                               "rounded (rounding up would agree to more than the task allows; rounding down changes the task's limit without saying "
                               "so). Ascio's Price elements, which can hold cents, are decimals.",
}
RULES['privacy_proxy'] = {
    'order_type': 'Domain_Details_Update',
    'element': 'Domain.PrivacyProxy',
    'types': ['None', 'Privacy', 'Proxy'],
    'contact_flags': ['PrivacyAdmin', 'PrivacyTech', 'PrivacyBilling'],
    'gtld_only': True,
    'rule': 'a change of PrivacyProxy (Type None/Privacy/Proxy, PrivacyAdmin/Tech/Billing) is a Domain_Details_Update order carrying '
            'DomainName and PrivacyProxy; a registration or transfer carries PrivacyProxy in its Domain. This client orders it for '
            'gTLDs only (its choice: no Ascio source lists the TLDs that offer it) and refuses other TLDs before sending.',
    'sources': ['https://aws.ascio.info/domains-api-v2/csharp/createorder-domain-details-update (CreateOrder - Domain_Details_Update: '
                "'Privacy and proxy can be updated with the Domain-Details-Update'; the example sends Domain.DomainName and "
                'Domain.PrivacyProxy {Type None, PrivacyAdmin/PrivacyTech/PrivacyBilling false})',
                'docs/reference/ascio-v2-types.json types.PrivacyProxy and enums.PrivacyProxyType (None, Privacy, Proxy)',
                'seed 000 CreateOrder example (privacyProxy = {Type: None, PrivacyAdmin/PrivacyTech/PrivacyBilling: false})',
                "seed 000 order-type table (Domain_Details_Update: 'Update domain properties. Linked handles like Contacts, Nameservers and "
                "other Objects can't be modified with this command.')",
                'rendermani/ascio-php-examples aws-v2/createorder-proxy-privacy.php (CreateOrder Type Domain_Details_Update, '
                'Domain {DomainName, PrivacyProxy {Type Privacy | Proxy | None, PrivacyAdmin, PrivacyTech, PrivacyBilling}})'],
}
# Reading many domains and orders at once.
RULES['bulk_reads'] = {'search_result': {'carries': 'a SearchDomain answer is an ArrayOfDomain of the same Domain type GetDomain answers: name servers, '
                                                    'registrant and contacts (with their handles and data), locks, Status, ExpDate, AuthInfo',
                                         'sources': ['docs/reference/ascio-v2-types.json types.SearchDomainResponse (domains: ArrayOfDomain), '
                                                     'types.GetDomainResponse (domain: Domain)',
                                                     'rendermani/ascio-php-examples aws-v2/searchdomain.php and aws-v2/examples/search_domain.php (print '
                                                     'Registrant, AdminContact, TechContact, BillingContact handles and names and NameServer1/NameServer2 '
                                                     'HostName of every Domain of the SearchDomain answer)',
                                                     'rendermani/ascio-php-examples aws-v2/examples/replace_contacts_by_email.php (reads '
                                                     'AdminContact/TechContact/BillingContact Email from the SearchDomain result and sends the update from '
                                                     'it, no GetDomain)',
                                                     'rendermani/ascio-whmcs-plugin lib/Request.php (searchDomain caches the SearchDomain Domain exactly '
                                                     "as it caches GetDomain's; updateContacts compares Registrant/AdminContact/TechContact of it and "
                                                     're-sends its BillingContact; getEPPCode returns its AuthInfo; setStatus reads its ExpDate and '
                                                     'Status)'],
                                         'needed': ['Registrant', 'NameServers'],
                                         'decision': 'the search result is read as the domain; a result that lacks one of the elements in needed (no '
                                                     'registrant, no NameServers element) is read again with GetDomain. The adapter setting '
                                                     'search_details: get_domain reads every domain with GetDomain after the search, as earlier releases '
                                                     'did (one request more per domain).'},
                       'search_criteria': {'attributes_used': ['DomainName'],
                                           'operators': {'Is': 'equal (whole name)', 'Like': "'%' matches any run of characters ('ascio%')"},
                                           'modes': {'Strict': 'every public example sends Strict, with one clause',
                                                     'Any': 'no public example; the name says a domain matching any clause is returned (OR)',
                                                     'Filter': 'no public example; not used'},
                                           'other_attributes_seen': 'Admin-Contact, Tech-Contact, Billing-Contact with a contact handle as Value '
                                                                    '(replace_contacts_by_email.php); not used, so the sandbox does not accept them',
                                           'paging': 'SearchCriteria has no PageInfo and SearchDomainResponse no total; no public source states a result '
                                                     "cap. Ascio's v3 SearchDomain has PageInfo and TotalResults (ascio-whmcs-plugin "
                                                     'lib/DomainImporter.php, pages of 100), v2 has neither.',
                                           'sources': ['docs/reference/ascio-v2-types.json types.SearchCriteria (Clauses, Mode, Withoutstates, '
                                                       'Withstates), types.Clause (Attribute, Operator, Value), enums.SearchModeType (Strict, Filter, '
                                                       'Any), enums.SearchOperatorType (Is, IsNot, Like, NotLike)',
                                                       'rendermani/ascio-php-examples aws-v2/searchdomain.php (Mode Strict, Clause DomainName Like '
                                                       "'ascio%')",
                                                       'rendermani/ascio-whmcs-plugin lib/Request.php (searchDomain: Mode Strict, Withoutstates deleted, '
                                                       'Clause DomainName Is name)',
                                                       'rendermani/ascio-whmcs-plugin lib/DomainImporter.php (v3: Mode Relaxed, WithoutStates deleted, no '
                                                       'clauses, PageInfo PageIndex/PageSize, TotalResults)',
                                                       'https://learn.microsoft.com/dotnet/api/system.servicemodel.basichttpbinding.maxreceivedmessagesize '
                                                       "('The default value is 65,536 bytes'; BasicHttpBindingElement: 'The sender of a message too large "
                                                       "for the receiver receives a SOAP fault')",
                                                       'docs/reference/ascio-v2-binding.json (binding BasicHttpBinding_IAscioServices)'],
                                           'batch_size': 100,
                                           'decision': 'get_domains searches batch_size names per SearchDomain (DomainName Is clauses, Mode Any; one name: '
                                                       'Mode Strict as before). Because neither the meaning of Any nor a result cap is documented, absence '
                                                       'is never taken from a batch: a name a batch does not return is searched again alone (Mode Strict) '
                                                       'before it counts as not in the account. A service that reads Any otherwise, or cuts an answer '
                                                       'short, costs one request per such name but never makes a domain look missing (which would plan a '
                                                       "registration). list_domains sends one search per TLD (DomainName Like '%.tld', Mode Strict; "
                                                       "without tlds one Like '%'), Withoutstates DELETED, and filters the pattern itself. The adapter "
                                                       'setting search_batch overrides batch_size (1 = one search per name).',
                                           'batch_size_reason': "100 names keep a SearchDomain request under WCF's default maxReceivedMessageSize of "
                                                                "65,536 bytes (Ascio's binding is a basicHttpBinding, BasicHttpBinding_IAscioServices) "
                                                                'even with names of 253 characters; 100 names of 35 characters make about 16 kB with zeep, '
                                                                '400 about 62 kB. No source says Ascio raised that quota; a larger search_batch saves '
                                                                'requests only if it did.'},
                       'search_order': {'request': 'SearchOrderRequest: OrderTypes, OrderStatusTypes, FromDate, ToDate, DomainName, TransactionComment, '
                                                   'Comments, IncludeDomainDetails, PageInfo (PageIndex from 1, PageSize), OrderSort; the answer carries '
                                                   'totalOrders. There is no OrderId filter.',
                                        'sources': ['docs/reference/ascio-v2-types.json types.SearchOrderRequest, types.PagingInfo, '
                                                    'types.SearchOrderResponse (totalOrders, orders), enums.SearchOrderSortType',
                                                    "rendermani/ascio-php-examples aws-v2/searchorder.php (DomainName 'a*', OrderTypes list, PageInfo "
                                                    'PageSize 5 PageIndex 1, no DomainName needed for many domains)'],
                                        'page_size': 100,
                                        'decision': 'pending_many sends one SearchOrder without DomainName (OrderTypes of the aspects, OrderStatusTypes '
                                                    'the pending ones, OrderSort CreDateAsc so that pages stay stable while orders arrive), page by page '
                                                    'until totalOrders are read, and groups the orders by domain; no FromDate (an order can wait for '
                                                    'documents for weeks). refresh_many follows several orders with one SearchOrder of their order types '
                                                    'from the earliest CreDate Ascio gave them (minus a minute), every status, paged, matched by OrderId; '
                                                    'an order the search does not return, an order whose CreDate this run does not know, and a failed one '
                                                    "(its reasons are only in GetOrder's Values) is read with GetOrder. The adapter setting "
                                                    'order_page_size overrides page_size.'}}

RULES['bulk_reads']['search_order']['paging'] = {
    'readings': {
        'page_number': "PageIndex is the number of the page, from 1: the member's name; rendermani/ascio-php-examples aws-v2/searchorder.php "
                       '(PageSize 5, PageIndex 1); a version of rendermani/ascio-framework src/lib/Sync.php with syncRunningOrders (pagesize '
                       '100, then index + 1)',
        'record_offset': "PageIndex is the position, from 1, of the page's first order: another version of rendermani/ascio-framework "
                         'src/lib/Sync.php syncOrders (PageSize 5, PageIndex 1, then PageIndex = index + pagesize, until a page has no orders); '
                         'which version is the later one is not known',
    },
    'sources': ['rendermani/ascio-php-examples aws-v2/searchorder.php',
                'rendermani/ascio-framework src/lib/Sync.php (syncOrders)'],
    'decision': "no source says which reading Ascio's service follows, and reading one as the other skips orders (a pending order missed "
                'is an order sent twice). The client asks PageIndex 1, then PageIndex 2: when page 2 begins with the second order of page'
                ' 1, PageIndex is a position and the client goes on from the first order it has not read (PageIndex + orders on the '
                'page); otherwise it counts pages. Orders are kept once by OrderId; the search ends at a short or empty page, or once '
                'totalOrders distinct orders are read; a full page of orders already read is an invalid answer. Under either reading '
                'nothing is skipped and no request is added.',
    'sandbox_default': 'page_number',
    'sandbox_option': '--order-paging page_number|record_offset',
}
RULES['session'] = {
    'expired_code': 401,
    'rule': 'a call other than LogIn answered ResultCode 401 carries a session id the service no longer accepts (it expired or was '
            'ended); the call was not carried out',
    'sources': ["rendermani/ascio-whmcs-plugin lib/Request.php (sendRequest: ResultCode 401 and functionName != 'LogIn' -> "
                "SessionCache::clear, login(), request() again; 401 on LogIn -> 'Login failed, invalid account or password')"],
    'decision': 'a read answered 401 logs in again once and is asked again, so a long run outlives its session; a write (CreateOrder, '
                'AckMessage, ...) answered 401 is not sent again by this client: the task fails saying that nothing was done and that a '
                "re-run sends it (the re-run's SearchOrder looks for it first). Ascio's own plugin re-sends writes too; this client keeps"
                ' to one send per intent.',
}
RULES['empty_queue'] = {
    'operation': 'PollMessage',
    'codes': [200, 201],
    'rule': 'an empty message queue is answered ResultCode 200 with msgCount 0 and no item, or ResultCode 201 with no item: public '
            'clients read it both ways',
    'sources': ["rendermani/ascio-php-examples pollmessage.php (ResultCode == '200', then msgCount > 0) and "
                'rendermani/ascio-perl-examples pollmessage.pl (msgCount > 0)',
                'rendermani/ascio-framework src/base/v2/ServiceBase.php (every ResultCode but 200 is an error)',
                "rendermani/ascio-whmcs-plugin core/tests/fixtures/v2_responses.json (PollMessage_Empty: ResultCode 201, 'No messages in "
                "queue') and core/tests/Integration/ResponseFormatDocumentation.php ('200=message, 201=empty'); lib/Request.php takes "
                '200, 201 and 413 as success for every call'],
    'decision': 'PollMessage answered 200 or 201 without an item is an empty queue; 201 is taken as success for PollMessage only (what '
                "201 and 413 mean for other operations is not documented: they stay errors). The sandbox answers 200 (the examples' "
                'reading); --empty-queue-code 201 answers the other.',
    'sandbox_default': 200,
}
RULES['registration_contacts'] = {'roles': ['registrant', 'admin', 'tech', 'billing'],
                                  'rule': 'a Register_Domain carries the Registrant, AdminContact, TechContact and BillingContact (data or handle); one '
                                          'missing is refused before anything is sent',
                                  'sources': ["rendermani/ascio-framework src/lib/v2/Domain.php (validateRegistant: 'Missing Registrant' (412) unless "
                                              "hasDatalessTransfer; validateContact for AdminContact, TechContact, BillingContact: 'Missing <type>' (412))",
                                              'rendermani/ascio-whmcs-plugin lib/Request.php (mapToOrder: every Register_Domain carries Registrant, '
                                              'AdminContact, TechContact and BillingContact)']}


LOCK_ELEMENTS = ('TransferLock', 'DeleteLock', 'UpdateLock')
LOCK_TOKENS = RULES['lock_status_tokens']['value']
STATUS_SEPARATOR = RULES['lock_status_tokens']['separator']
DELETED = RULES['deleted_status']['value']
DELETED_CRITERIA = RULES['deleted_status']['criteria_value']
NO_DATE = RULES['no_date']['value']
FINAL_STATUSES = tuple(RULES['order_statuses']['final_for_this_client'])
FAILED_STATUSES = tuple(RULES['order_statuses']['failed_for_this_client'])
IDN_GTLDS = tuple(RULES['gtld']['idn_gtlds'])
IDENTITY_ELEMENTS = tuple(RULES['registrant_identity']['all_tlds'])
GTLD_IDENTITY_ELEMENTS = IDENTITY_ELEMENTS + tuple(RULES['registrant_identity']['gtld_adds'])
NAMESERVER_SLOTS = RULES['nameserver_slots']['slots']
RELEASE_FOR = RULES['lock_release']['release_for']
NO_RELEASE = tuple(RULES['lock_release']['no_release'])
RESTORE = tuple(RULES['lock_release']['restore'])
SEARCH_NEEDED = tuple(RULES['bulk_reads']['search_result']['needed'])
SEARCH_BATCH = RULES['bulk_reads']['search_criteria']['batch_size']
ORDER_PAGE_SIZE = RULES['bulk_reads']['search_order']['page_size']
PRICE_DECIMALS = RULES['agreed_price']['price_decimals']
EMPTY_QUEUE_CODES = tuple(RULES['empty_queue']['codes'])
SESSION_EXPIRED = RULES['session']['expired_code']
REGISTRATION_CONTACTS = tuple(RULES['registration_contacts']['roles'])
DNSSEC_ORDER = RULES['dnssec']['order_type']
DNSSEC_SLOTS = RULES['dnssec']['slots']
DIGEST_TYPE_NAMES = dict((int(k), v) for k, v in RULES['dnssec']['digest_type_names'].items())
ALGORITHM_NAMES = RULES['dnssec']['read_algorithm_names']

_CCTLD = re.compile(r'^[a-z]{2}$')


def status_tokens(status):
    """Ascio's combined domain status ("EXPIRING, UPDATE_LOCK") as a set of upper-case words."""
    return set(word.strip() for word in (status or '').upper().split(STATUS_SEPARATOR.strip()) if word.strip())


def is_gtld(domain_name):
    """Whether the ICANN transfer policy applies: see RULES['gtld']."""
    tld = (domain_name or '').lower().rstrip('.').rsplit('.', 1)[-1]
    if _CCTLD.match(tld):
        return False
    if tld.startswith('xn--'):
        return tld in IDN_GTLDS
    return True


def releases_for(order_type):
    """The lock elements that must be off before ``order_type`` (UpdateLock first)."""
    if order_type in NO_RELEASE:
        return ()
    return tuple(RELEASE_FOR.get(order_type, RELEASE_FOR['default']))
