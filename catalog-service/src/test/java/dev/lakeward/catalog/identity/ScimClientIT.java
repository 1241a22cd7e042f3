package dev.lakeward.catalog.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Manager;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.UserResource;
import dev.lakeward.catalog.support.PackagedService;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * UnboundID's SCIM 2 client, a second, independent client, through the whole lifecycle against
 * the packaged service (outside it, so that no JSON setting of the service's own reaches the client).
 */
class ScimClientIT {

    @RegisterExtension
    static final PackagedService service = new PackagedService(() -> new String[0]);
    private Client client;
    private ScimService scim;

    @BeforeEach
    void connect() {
        client = ClientBuilder.newClient().register((ClientRequestFilter) request -> request.getHeaders()
                .putSingle("Authorization", "Bearer " + service.adminToken()));
        scim = new ScimService(client.target(service.baseUri() + "/scim/v2"));
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void discoveryDescribesTheServer() throws Exception {
        assertThat(scim.getServiceProviderConfig().getPatch().isSupported()).isTrue();
        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertThat(types.getResources()).extracting(ResourceTypeResource::getName)
                .contains("User", "Group", "ServicePrincipal");
        SchemaResource user = scim.getSchema("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(user.getAttributes()).extracting(a -> a.getName()).contains("userName", "emails", "active");
        assertThat(scim.getSchemas().getTotalResults()).isEqualTo(4);
    }

    @Test
    void aUserWithTheEnterpriseExtensionAndAGroupThroughTheirLifecycle() throws Exception {
        String userName = unique("lin") + "@example.com";
        UserResource user = new UserResource().setUserName(userName)
                .setName(new Name().setGivenName("Lin").setFamilyName("Chen")).setActive(true)
                .setEmails(List.of(new Email().setValue(userName).setType("work").setPrimary(true)));
        user.setExtension(new EnterpriseUserExtension().setDepartment("Finance").setEmployeeNumber("1042")
                .setManager(new Manager().setValue("26118915-6090-4610-87a4-49d0767ab24a")));
        UserResource created = scim.create("Users", user);
        assertThat(created.getId()).isNotNull();
        assertThat(created.getMeta().getVersion()).isNotNull();
        assertThat(created.getExtension(EnterpriseUserExtension.class).getDepartment()).isEqualTo("Finance");

        ListResponse<UserResource> found = scim.searchRequest("Users")
                .filter(Filter.eq("userName", userName.toUpperCase()).toString()).invoke(UserResource.class);
        assertThat(found.getResources()).extracting(UserResource::getId).containsExactly(created.getId());
        ListResponse<UserResource> byDepartment = scim.searchRequest("Users")
                .filter("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"1042\"")
                .invoke(UserResource.class);
        assertThat(byDepartment.getResources()).extracting(UserResource::getUserName).contains(userName);
        assertThatThrownBy(() -> scim.create("Users", new UserResource().setUserName(userName)))
                .isInstanceOf(ResourceConflictException.class);

        UserResource patched = scim.modifyRequest("Users", created.getId())
                .addOperation(PatchOperation.replace("active", false))
                .addOperation(PatchOperation.replace(
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "Treasury"))
                .invoke(UserResource.class);
        assertThat(patched.getActive()).isFalse();
        assertThat(patched.getExtension(EnterpriseUserExtension.class).getDepartment()).isEqualTo("Treasury");

        patched.setDisplayName("Lin Chen");
        UserResource replaced = scim.replace(patched);
        assertThat(replaced.getDisplayName()).isEqualTo("Lin Chen");
        assertThat(replaced.getMeta().getVersion()).isNotEqualTo(created.getMeta().getVersion());

        GroupResource group = scim.create("Groups", new GroupResource().setDisplayName(unique("treasury"))
                .setMembers(List.of(new Member().setValue(created.getId()))));
        assertThat(group.getMembers()).extracting(Member::getValue).containsExactly(created.getId());
        GroupResource emptied = scim.modify("Groups", group.getId(), new PatchRequest(
                PatchOperation.remove("members[value eq \"" + created.getId() + "\"]")), GroupResource.class);
        assertThat(emptied.getMembers()).isNullOrEmpty();

        scim.delete("Groups", group.getId());
        scim.delete("Users", created.getId());
        assertThatThrownBy(() -> scim.retrieve("Users", created.getId(), UserResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
